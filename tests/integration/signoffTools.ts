import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { AgreementDetail, HistoryEvent } from '../../shared/api.js';
import { api } from './harness.js';

/** Sign-off requests of the integration tests, as the browser sends them (JSON, cookie). */
export function post(server: { url: string }, path: string, cookie: string, body: unknown = {}): Promise<Response> {
  return api(server, path, cookie, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

export async function detail(server: { url: string }, id: string, cookie: string): Promise<AgreementDetail> {
  const response = await api(server, `/agreements/${id}`, cookie);
  if (response.status !== 200) throw new Error(`detail of ${id}: ${response.status}`);
  return (await response.json()) as AgreementDetail;
}

export async function history(server: { url: string }, id: string, cookie: string): Promise<HistoryEvent[]> {
  const response = await api(server, `/agreements/${id}/history`, cookie);
  if (response.status !== 200) throw new Error(`history of ${id}: ${response.status}`);
  return (await response.json()) as HistoryEvent[];
}

export async function pdfBytes(server: { url: string }, id: string, cookie: string): Promise<Buffer> {
  const response = await api(server, `/agreements/${id}/pdf`, cookie);
  if (response.status !== 200) throw new Error(`pdf of ${id}: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Runs a poppler tool (pdftotext, pdffonts, pdftoppm) on a PDF given on stdin or as a file. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer): string {
  try {
    // pdffonts and pdfinfo do not read stdin; pdftotext does, with "-".
    if (tool === 'pdftotext') return execFileSync(tool, ['-enc', 'UTF-8', '-', '-'], { input: pdf }).toString('utf8');
    return execFileSync('sh', ['-c', `f=$(mktemp); cat > "$f"; ${tool} "$f"; rm -f "$f"`], { input: pdf }).toString('utf8');
  } catch (error: unknown) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install -y poppler-utils)`, { cause: error });
    }
    throw error;
  }
}
