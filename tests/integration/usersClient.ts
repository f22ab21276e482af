import type { UserEvent, UserSummary } from '../../shared/accounts/types.js';
import { api } from './harness.js';

/** Small helpers for the account tests: JSON requests as a user, and what they answer. */

export async function call(server: { url: string }, cookie: string | null, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const response = await api(server, path, cookie, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

export async function listUsers(server: { url: string }, cookie: string): Promise<UserSummary[]> {
  const { status, body } = await call(server, cookie, 'GET', '/users');
  if (status !== 200) throw new Error(`GET /users: ${status}`);
  return body as UserSummary[];
}

export async function userEvents(server: { url: string }, cookie: string, username: string): Promise<UserEvent[]> {
  const { status, body } = await call(server, cookie, 'GET', `/users/${username}/events`);
  if (status !== 200) throw new Error(`GET /users/${username}/events: ${status}`);
  return body as UserEvent[];
}

export const errorOf = (answer: { body: unknown }) => (answer.body as { error?: string }).error;
