import type { NotificationKind, NotificationList } from '../../shared/notifications/types.js';
import { api } from './harness.js';

/** The Benachrichtigungen API as the bell uses it. */
export async function notificationsOf(server: { url: string }, cookie: string): Promise<NotificationList> {
  const response = await api(server, '/notifications', cookie);
  if (response.status !== 200) throw new Error(`notifications: ${response.status}`);
  return (await response.json()) as NotificationList;
}

/** The newest notification id of each user: a mark to compare with after an action. */
export async function marks<U extends string>(server: { url: string }, cookies: Record<U, string>): Promise<Record<U, number>> {
  const entries = await Promise.all(
    (Object.entries(cookies) as [U, string][]).map(async ([who, cookie]) => [who, (await notificationsOf(server, cookie)).notifications[0]?.id ?? 0] as const),
  );
  return Object.fromEntries(entries) as Record<U, number>;
}

/** What each user got since the marks: their kinds, oldest first. */
export async function since<U extends string>(server: { url: string }, cookies: Record<U, string>, before: Record<U, number>): Promise<Record<U, NotificationKind[]>> {
  const entries = await Promise.all(
    (Object.entries(cookies) as [U, string][]).map(async ([who, cookie]) => {
      const { notifications } = await notificationsOf(server, cookie);
      return [who, notifications.filter((n) => n.id > before[who]).reverse().map((n) => n.kind)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<U, NotificationKind[]>;
}

export function json(method: string, body: unknown): RequestInit {
  return { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
