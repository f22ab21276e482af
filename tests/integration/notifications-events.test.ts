import { describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../shared/notifications/types.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { api, carriedEntryIds, DEMO_CAST, type DemoRole, suiteServer, WMK } from './harness.js';
import { json, marks, notificationsOf, since } from './notificationsClient.js';
import { createThread, send } from './commentsClient.js';
import { detail, post } from './signoffTools.js';

// The 2025 draft's entry carried over from the 2024 „Let's work" (its id is new at every seed).
const LETS_WORK = 'p-wmk24-letswork';
type Who = DemoRole;

/**
 * Every event kind, as one story on the Werra-Meißner agreement, and after each step exactly who
 * got which notification. Nobody of Fulda ever hears of it, nor the deactivated deputy signatory
 * of the ministry, nor whoever acted.
 */
describe('notifications of agreement events', () => {
  const suite = suiteServer(DEMO_CAST);
  const cookies = {} as Record<Who, string>;
  let threadId = '';
  let entryId = '';

  /** Runs the action and expects exactly these new notifications, everyone else none. */
  async function expectNotified(action: () => Promise<unknown>, expected: Partial<Record<Who, NotificationKind[]>>) {
    const before = await marks(suite.server, cookies);
    await action();
    const got = await since(suite.server, cookies, before);
    const want = Object.fromEntries(Object.keys(cookies).map((who) => [who, expected[who as Who] ?? []]));
    expect(got).toEqual(want);
  }
  const ok = async (response: Promise<Response>) => expect((await response).status).toBe(200);
  const sign = async (who: Who) => {
    const hash = (await detail(suite.server, WMK, cookies[who])).release?.hash ?? '';
    await ok(post(suite.server, `/agreements/${WMK}/sign`, cookies[who], { hash, place: 'Eschwege', password: 'demo' }));
  };

  it('is set up with a second ministry signatory, who is deactivated', async () => {
    Object.assign(cookies, suite.cookies);
    entryId = (await carriedEntryIds(suite.server, WMK, cookies.ministry))(LETS_WORK);
    const created = await api(suite.server, '/users', cookies.ministry, json('POST', {
      username: 'hmsi-stv', displayName: 'Stellvertretung', email: 'stv@hmsi.example', role: 'ministry-signatory', districtId: null, admin: false, password: 'Einmal-Zugang-Stv-7',
    }));
    expect(created.status).toBe(201);
    expect((await api(suite.server, '/users/hmsi-stv/deactivate', cookies.ministry, json('POST', {}))).status).toBe(200);
  });

  it('tells the mentioned, not the actor mentioning themself, and nobody of another district', async () => {
    await expectNotified(async () => {
      const thread = await createThread(suite.server, cookies.district, WMK, { entryId, text: 'Bitte prüfen, @hmsi-referat, @wmk-referat und @fd-referat.' });
      threadId = thread.id;
    }, { ministry: ['mention'] });
    const [newest] = (await notificationsOf(suite.server, cookies.ministry)).notifications;
    expect(newest).toMatchObject({ kind: 'mention', link: `/vereinbarungen/${WMK}?thread=${threadId}`, read: false, actor: 'wmk-referat' });
    expect(newest?.text).toContain('hat Sie in einem Kommentar zu „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ erwähnt');
  });

  it('tells those who took part in a thread of a reply, and a mentioned one of the mention only', async () => {
    await expectNotified(
      () => send(suite.server, cookies.ministry, 'POST', `/agreements/${WMK}/comments/${threadId}/replies`, { text: 'Erledigt, @wmk-landraetin bitte ansehen.' }),
      { district: ['reply'], landraetin: ['mention'] },
    );
    await expectNotified(
      () => send(suite.server, cookies.minister, 'POST', `/agreements/${WMK}/comments/${threadId}/replies`, { text: 'Einverstanden.' }),
      { district: ['reply'], ministry: ['reply'] },
    );
  });

  it('tells both parties’ editors and signatories of a changed §4 amount', async () => {
    await send(suite.server, cookies.ministry, 'POST', `/agreements/${WMK}/comments/${threadId}/resolve`);
    await expectNotified(
      () => ok(api(suite.server, `/agreements/${WMK}/fields`, cookies.ministry, json('PATCH', { amountCents: 123_456_00 }))),
      { minister: ['amount-changed'], district: ['amount-changed'], landraetin: ['amount-changed'] },
    );
    const [newest] = (await notificationsOf(suite.server, cookies.district)).notifications;
    expect(newest?.text).toContain('auf 123.456 Euro geändert');
  });

  it('asks each party’s signatory to sign at release, and tells the other party of a signature', async () => {
    await expectNotified(() => ok(post(suite.server, `/agreements/${WMK}/release`, cookies.ministry, {})), { minister: ['sign-requested'], landraetin: ['sign-requested'] });
    await expectNotified(() => sign('landraetin'), { ministry: ['signed'], minister: ['signed'] });
  });

  it('tells everyone working on it of a reopening, with the reason', async () => {
    await expectNotified(
      () => ok(post(suite.server, `/agreements/${WMK}/reopen`, cookies.district, { reason: 'Träger hat gewechselt' })),
      { ministry: ['reopened'], minister: ['reopened'], landraetin: ['reopened'] },
    );
    const [newest] = (await notificationsOf(suite.server, cookies.minister)).notifications;
    expect(newest?.text).toContain('Grund: Träger hat gewechselt');
  });

  it('tells everyone working on it when the agreement is final', async () => {
    await expectNotified(() => ok(post(suite.server, `/agreements/${WMK}/release`, cookies.ministry, {})), { minister: ['sign-requested'], landraetin: ['sign-requested'] });
    await expectNotified(() => sign('minister'), { district: ['signed'], landraetin: ['signed'] });
    await expectNotified(() => sign('landraetin'), {
      ministry: ['signed', 'final'],
      minister: ['signed', 'final'],
      district: ['final'],
    });
  });

  it('never told the deactivated signatory anything', () => {
    const db = new Database(join(suite.server.dataDir, 'vereinbar.sqlite'), { readonly: true });
    try {
      expect(db.prepare(`SELECT COUNT(*) AS n FROM notifications WHERE recipient = 'hmsi-stv'`).get()).toEqual({ n: 0 });
      expect(db.prepare(`SELECT COUNT(*) AS n FROM notifications WHERE recipient = 'hmsi-ministerin'`).get()).toEqual({ n: 7 });
    } finally {
      db.close();
    }
  });
});
