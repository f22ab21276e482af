import type { NewUserRequest, UserEvent, UserPatch, UserSummary } from '../../../shared/accounts/types.js';
import { request } from '../api.js';

const user = (username: string) => `/api/users/${encodeURIComponent(username)}`;

/** „Benutzer“ (ministry admins): accounts and their audit trail. */
export const usersApi = {
  list: () => request<UserSummary[]>('GET', '/api/users'),
  recentEvents: () => request<UserEvent[]>('GET', '/api/users/events'),
  events: (username: string) => request<UserEvent[]>('GET', `${user(username)}/events`),
  create: (body: NewUserRequest) => request<UserSummary>('POST', '/api/users', body),
  update: (username: string, patch: UserPatch) => request<UserSummary>('PATCH', user(username), patch),
  deactivate: (username: string) => request<UserSummary>('POST', `${user(username)}/deactivate`, {}),
  reactivate: (username: string) => request<UserSummary>('POST', `${user(username)}/reactivate`, {}),
  setOneTimePassword: (username: string, password: string) => request<UserSummary>('POST', `${user(username)}/one-time-password`, { password }),
};

/**
 * A one-time password to pass on by phone or letter: 16 characters without look-alikes
 * (no 0/O, 1/l/I), in groups of four that are easy to read out.
 */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = crypto.getRandomValues(new Uint32Array(16));
  const chars = [...random].map((n) => alphabet[n % alphabet.length] ?? 'x');
  return [0, 4, 8, 12].map((start) => chars.slice(start, start + 4).join('')).join('-');
}
