import type { HistoryEvent, ScanInfo } from '../../../shared/api.js';
import type { ReopenRequest, SignRequest } from '../../../shared/schemas/signoff.js';
import { ApiError } from '../api.js';

/** The sign-off endpoints (docs/api.md, "Zeichnung"); errors carry the server's German message. */
async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (error: unknown) {
    console.error(`${init.method ?? 'GET'} ${path} failed`, error);
    throw new ApiError(0, 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.');
  }
  if (!response.ok) {
    let message = `Der Server hat mit einem Fehler geantwortet (${response.status}).`;
    try {
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') message = body.error;
    } catch {
      // No JSON body: the generic message stands.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

const base = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;
const json = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export const signoffApi = {
  release: (id: string) => call<{ ok: true }>(`${base(id)}/release`, json({})),
  reopen: (id: string, request: ReopenRequest) => call<{ ok: true }>(`${base(id)}/reopen`, json(request)),
  sign: (id: string, request: SignRequest) => call<{ ok: true }>(`${base(id)}/sign`, json(request)),
  history: (id: string) => call<HistoryEvent[]>(`${base(id)}/history`),
  uploadScan: (id: string, file: File) =>
    call<ScanInfo>(`${base(id)}/scans?filename=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'Content-Type': 'application/pdf' }, body: file }),
  pdfUrl: (id: string) => `${base(id)}/pdf`,
  releasedTextUrl: (id: string) => `${base(id)}/released-text`,
  scanUrl: (id: string, scanId: number) => `${base(id)}/scans/${scanId}`,
};
