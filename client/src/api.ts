import type { CurrentUser } from '../../shared/accounts/types.js';
import type { AgreementDetail, AgreementSummary } from '../../shared/api.js';
import type { LoginRequest } from '../../shared/schemas/auth.js';
import type { FieldsPatch } from '../../shared/schemas/fields.js';

/** An answer of /api that is not 2xx, with the server's German message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The answer's JSON body, for routes that say more than `error` (a 409's `problems`). */
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const FALLBACK: Readonly<Record<number, string>> = {
  401: 'Bitte melden Sie sich an.',
  403: 'Sie haben keinen Zugriff auf diese Seite.',
  404: 'Nicht gefunden.',
};

async function errorOf(response: Response): Promise<ApiError> {
  let message = FALLBACK[response.status] ?? `Der Server hat mit einem Fehler geantwortet (${response.status}).`;
  let body: unknown = null;
  try {
    body = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') message = body.error;
  } catch {
    // No JSON body (e.g. a proxy's error page): the fallback message stands.
  }
  return new ApiError(response.status, message, body);
}

/**
 * One request to our own API. State-changing requests carry JSON, which (with the same-origin
 * cookie and the Origin header the browser adds) is what the server's CSRF check expects.
 * Response bodies are typed by shared/api.ts: the server builds them from the same types.
 */
export async function request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error: unknown) {
    console.error(`${method} ${path} failed`, error);
    throw new ApiError(0, 'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.');
  }
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as T;
}

export const api = {
  session: () => request<CurrentUser>('GET', '/api/session'),
  login: (credentials: LoginRequest) => request<CurrentUser>('POST', '/api/login', credentials),
  logout: () => request<unknown>('POST', '/api/logout', {}),
  agreements: () => request<AgreementSummary[]>('GET', '/api/agreements'),
  agreement: (id: string) => request<AgreementDetail>('GET', `/api/agreements/${encodeURIComponent(id)}`),
  patchFields: (id: string, patch: FieldsPatch) =>
    request<AgreementDetail>('PATCH', `/api/agreements/${encodeURIComponent(id)}/fields`, patch),
};
