import { describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../shared/notifications/types.js';
import { api, carriedEntryIds, suiteServer, WMK } from './harness.js';
import { createThread } from './commentsClient.js';
import { openUnreadStream } from './notificationEvents.js';
import { json, notificationsOf } from './notificationsClient.js';

// The 2025 draft's entry carried over from the 2024 „Let's work" (its id is new at every seed).
const LETS_WORK = 'p-wmk24-letswork';

/** The bell's side of the API: the live unread count over SSE, marking read, and the mail settings. */
describe('the Benachrichtigungen list and its live count', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', district: 'wmk-referat', fulda: 'fd-referat' });

  it('sends the unread count at once and again whenever it changes', async () => {
    const { server, cookies } = suite;
    const stream = await openUnreadStream(server, cookies.ministry);
    const other = await openUnreadStream(server, cookies.fulda);
    const entryId = (await carriedEntryIds(server, WMK, cookies.ministry))(LETS_WORK);
    try {
      await vi.waitFor(() => expect(stream.counts).toEqual([0]));
      await createThread(server, cookies.district, WMK, { entryId, text: '@hmsi-referat bitte ansehen.' });
      await vi.waitFor(() => expect(stream.counts).toEqual([0, 1]));
      await createThread(server, cookies.district, WMK, { entryId, text: 'Und hier, @hmsi-referat.' });
      await vi.waitFor(() => expect(stream.counts.at(-1)).toBe(2));

      const list = await notificationsOf(server, cookies.ministry);
      expect(list.unread).toBe(2);
      expect(list.notifications.map((n) => n.id)).toEqual([...list.notifications.map((n) => n.id)].sort((a, b) => b - a));
      const first = list.notifications[1];
      const read = await api(server, `/notifications/${first?.id ?? 0}/read`, cookies.ministry, json('POST', {}));
      expect(await read.json()).toEqual({ unread: 1 });
      await vi.waitFor(() => expect(stream.counts.at(-1)).toBe(1));
      expect((await notificationsOf(server, cookies.ministry)).notifications[1]).toMatchObject({ id: first?.id, read: true });

      const all = await api(server, '/notifications/read-all', cookies.ministry, json('POST', {}));
      expect(await all.json()).toMatchObject({ unread: 0 });
      await vi.waitFor(() => expect(stream.counts.at(-1)).toBe(0));
      // Fulda heard nothing of it, and its stream never moved.
      expect(other.counts).toEqual([0]);
    } finally {
      stream.close();
      other.close();
    }
  });

  it('answers another user’s notification as one that does not exist, and refuses the stream without a session', async () => {
    const { server, cookies } = suite;
    const [mine] = (await notificationsOf(server, cookies.ministry)).notifications;
    expect((await api(server, `/notifications/${mine?.id ?? 0}/read`, cookies.fulda, json('POST', {}))).status).toBe(404);
    expect((await api(server, '/notifications/abc/read', cookies.fulda, json('POST', {}))).status).toBe(404);
    expect((await api(server, '/notifications/events', null)).status).toBe(401);
    expect((await api(server, '/notifications', null)).status).toBe(401);
  });

  it('keeps each user’s mail settings, with mentions, „bitte zeichnen“ and deadlines on by default', async () => {
    const { server, cookies } = suite;
    const initial = await (await api(server, '/account/notifications', cookies.district)).json();
    expect(initial).toEqual(defaultSettings());
    expect(initial).toMatchObject({ digest: false, mail: { mention: true, 'sign-requested': true, 'deadline-soon': true, reply: false, final: false } });
    const changed = await api(server, '/account/notifications', cookies.district, json('PATCH', { mail: { reply: true, mention: false }, digest: true }));
    expect(await changed.json()).toMatchObject({ digest: true, mail: { reply: true, mention: false, 'sign-requested': true } });
    expect(await (await api(server, '/account/notifications', cookies.district)).json()).toMatchObject({ digest: true, mail: { reply: true, mention: false } });
    const wrong = await api(server, '/account/notifications', cookies.district, json('PATCH', { mail: { gossip: true } }));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'Die Benachrichtigungsart „gossip“ gibt es nicht.' });
    // Someone else's settings are untouched.
    expect(await (await api(server, '/account/notifications', cookies.fulda)).json()).toEqual(defaultSettings());
  });
});
