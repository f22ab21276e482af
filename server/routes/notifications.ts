import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { defaultSettings, type NotificationList, type NotificationSettings } from '../../shared/notifications/types.js';
import { NotificationSettingsPatchSchema } from '../../shared/schemas/notifications.js';
import { fail } from '../errors.js';
import type { LiveCounts } from '../notifications/liveCounts.js';
import type { Store } from '../store/types.js';
import { requireSession, type AppEnv } from './context.js';
import { jsonBody } from './jsonBody.js';

const LIST_LIMIT = 50;
/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 25_000;

/** `/api/notifications`: one's own Benachrichtigungen, marking them read, and the live unread count. */
export function notificationRoutes(store: Store, live: LiveCounts) {
  const list = async (username: string): Promise<NotificationList> => ({
    notifications: await store.notifications.list(username, LIST_LIMIT),
    unread: await store.notifications.unreadCount(username),
  });
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await list(requireSession(c).user.username)))
    .post('/read-all', async (c) => {
      const { username } = requireSession(c).user;
      if ((await store.notifications.markAllRead(username, Date.now())) > 0) live.changed([username]);
      return c.json(await list(username));
    })
    .post('/:id/read', async (c) => {
      const { username } = requireSession(c).user;
      const id = Number(c.req.param('id'));
      // Someone else's notification answers like a missing one: its existence is not ours to tell.
      if (!Number.isSafeInteger(id) || !(await store.notifications.markRead(username, id, Date.now()))) {
        fail(404, 'Diese Benachrichtigung gibt es nicht.', `no notification ${c.req.param('id')} of ${username}`);
      }
      live.changed([username]);
      return c.json({ unread: await store.notifications.unreadCount(username) });
    })
    .get('/events', (c) => {
      const { username } = requireSession(c).user;
      return streamSSE(c, async (stream) => {
        let wake: (() => void) | null = null;
        let dirty = true;
        const unsubscribe = live.subscribe(username, () => {
          dirty = true;
          wake?.();
        });
        stream.onAbort(() => wake?.());
        try {
          while (!stream.aborted && !stream.closed) {
            if (dirty) {
              dirty = false;
              await stream.writeSSE({ event: 'unread', data: JSON.stringify({ unread: await store.notifications.unreadCount(username) }) });
            }
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, KEEPALIVE_MS);
              wake = () => {
                clearTimeout(timer);
                resolve();
              };
            });
            wake = null;
            if (!dirty && !stream.aborted) await stream.write(': keepalive\n\n');
          }
        } finally {
          unsubscribe();
        }
      });
    });
}

/** `/api/account/notifications`: one's mail settings in Mein Konto. */
export function notificationSettingsRoutes(store: Store) {
  const read = async (username: string): Promise<NotificationSettings> => (await store.notifications.settings([username])).get(username) ?? defaultSettings();
  return new Hono<AppEnv>()
    .get('/', async (c) => c.json(await read(requireSession(c).user.username)))
    .patch('/', jsonBody(NotificationSettingsPatchSchema), async (c) => {
      const { username } = requireSession(c).user;
      const patch = c.req.valid('json');
      const current = await read(username);
      const mail = { ...current.mail };
      for (const [kind, on] of Object.entries(patch.mail ?? {})) if (on !== undefined) mail[kind as keyof typeof mail] = on;
      const next: NotificationSettings = { mail, digest: patch.digest ?? current.digest };
      await store.notifications.putSettings(username, next, Date.now());
      return c.json(next);
    });
}
