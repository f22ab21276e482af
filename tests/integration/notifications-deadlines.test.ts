import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DISTRICTS } from '../../shared/districts.js';
import type { NotificationView } from '../../shared/notifications/types.js';
import { api, DEMO_CAST, login, newServer, WMK, type DemoRole, type TestServer } from './harness.js';
import { json, notificationsOf } from './notificationsClient.js';
import { detail, post } from './signoffTools.js';
import { startSmtp, subjectOf, textOf, type TestSmtp } from './smtpTestServer.js';

const PUBLIC_URL = 'https://vereinbar.test';
const FULDA_2025 = 'aqb-2025-fulda';
const ROUND_2025 = DISTRICTS.map((district) => `aqb-2025-${district.id}`);
/** The demo's 2025 round ends on 31.07.2025; noon in Hessen on the given day of that summer. */
const berlinNoon = (isoDate: string) => Date.parse(`${isoDate}T12:00:00+02:00`);

/**
 * Deadline reminders (server/notifications/deadlines.ts) on the demo's 2025 round, with the job's
 * clock set to days of July and August 2025 and a run every few milliseconds: who gets
 * „Frist endet bald“ and „Frist überschritten“, exactly once each, through runs and a restart,
 * with mail per each one's settings.
 */
describe('deadline reminders', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let clock = berlinNoon('2025-07-01');
  const cookies = {} as Record<DemoRole, string>;

  const deadlineNotifications = async (who: DemoRole, kind: 'deadline-soon' | 'deadline-overdue'): Promise<NotificationView[]> =>
    (await notificationsOf(server, cookies[who])).notifications.filter((n) => n.kind === kind);
  const runsSoFar = () => server.log.lines.filter((line) => line.event === 'deadline-reminders-checked').length;
  /** Waits until the job has looked `count` more times (it runs every 10 ms here). */
  const moreRuns = async (count: number) => {
    const from = runsSoFar();
    await vi.waitFor(() => expect(runsSoFar()).toBeGreaterThanOrEqual(from + count));
  };
  const mailsTo = (address: string, subject: string) => smtp.received.filter((mail) => mail.to.includes(address) && subjectOf(mail).startsWith(subject));
  const query = <T>(sql: string, ...params: string[]): T => {
    const db = new Database(join(server.dataDir, 'vereinbar.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).get(...params) as T;
    } finally {
      db.close();
    }
  };
  /** Mails in the outbox to the address whose subject starts so. */
  const outbox = (address: string, subject: string) =>
    query<{ n: number }>('SELECT COUNT(*) AS n FROM mail_outbox WHERE address = ? AND substr(subject, 1, length(?)) = ?', address, subject, subject).n;
  /** Every deadline notification and deadline mail on record: what must not grow when nothing is due. */
  const onRecord = () => ({
    notifications: query<{ n: number }>(`SELECT COUNT(*) AS n FROM notifications WHERE kind LIKE 'deadline-%'`).n,
    mails: query<{ n: number }>(`SELECT COUNT(*) AS n FROM mail_outbox WHERE subject LIKE 'vereinbar: Frist%'`).n,
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await newServer(undefined, 0, {
      smtpUrl: smtp.url,
      mailFrom: 'vereinbar <noreply@vereinbar.test>',
      publicUrl: PUBLIC_URL,
      mailWorker: { retryBaseMs: 20, maxAttempts: 5, pollMs: 60_000, digestEveryMs: 0 },
      deadlineReminders: { everyMs: 10, now: () => clock },
    });
    await Promise.all((Object.entries(DEMO_CAST) as [DemoRole, string][]).map(async ([who, username]) => (cookies[who] = await login(server, username))));
  });
  afterAll(async () => {
    await server.dispose();
    await smtp.close();
  });

  it('reminds nobody 30 days before the deadline, nor of the 2024 round that ended a year ago', async () => {
    await moreRuns(2);
    for (const who of Object.keys(DEMO_CAST) as DemoRole[]) expect(await deadlineNotifications(who, 'deadline-soon')).toEqual([]);
    expect(onRecord()).toEqual({ notifications: 0, mails: 0 });
  });

  it('is set up: a deactivated district signatory, the minister without deadline mail, the Landrätin with the digest', async () => {
    const created = await api(server, '/users', cookies.ministry, json('POST', {
      username: 'wmk-stv', displayName: 'Stellvertretung', email: 'stv@werra-meissner-kreis.example', role: 'district-signatory', districtId: 'werra-meissner-kreis', admin: false, password: 'Einmal-Zugang-Stv-7',
    }));
    expect(created.status).toBe(201);
    expect((await api(server, '/users/wmk-stv/deactivate', cookies.ministry, json('POST', {}))).status).toBe(200);
    expect((await api(server, '/account/notifications', cookies.minister, json('PATCH', { mail: { 'deadline-soon': false } }))).status).toBe(200);
    expect((await api(server, '/account/notifications', cookies.landraetin, json('PATCH', { digest: true }))).status).toBe(200);
  });

  it('five days before, tells both parties’ editors and signatories once per agreement, and nobody of another district', async () => {
    clock = berlinNoon('2025-07-26');
    await vi.waitFor(async () => expect(await deadlineNotifications('fulda', 'deadline-soon')).toHaveLength(1));
    await moreRuns(3);
    const soon = await deadlineNotifications('district', 'deadline-soon');
    expect(soon).toMatchObject([{ agreementId: WMK, link: `/vereinbarungen/${WMK}`, actor: 'system', read: false }]);
    expect(soon[0]?.text).toBe('Die Frist für „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ endet am 31.07.2025.');
    expect((await deadlineNotifications('landraetin', 'deadline-soon')).map((n) => n.agreementId)).toEqual([WMK]);
    expect((await deadlineNotifications('fulda', 'deadline-soon')).map((n) => n.agreementId)).toEqual([FULDA_2025]);
    expect(await deadlineNotifications('viewer', 'deadline-soon')).toEqual([]);
    // The ministry works on all 26: one each, none of the 2024 round.
    for (const who of ['ministry', 'minister'] as const) {
      expect((await deadlineNotifications(who, 'deadline-soon')).map((n) => n.agreementId).sort()).toEqual([...ROUND_2025].sort());
    }
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM notifications WHERE recipient = 'wmk-stv'`).n).toBe(0);
  });

  it('mails each reminder once, as each user chose: single mail, none, or in the digest', async () => {
    // The outbox is written with the notifications, one row per mail (the worker sends it later).
    expect(outbox('referat-aqb@hmsi.example', 'vereinbar: Frist endet bald')).toBe(26);
    expect(outbox('fachdienst-arbeit@werra-meissner-kreis.example', 'vereinbar: Frist endet bald – Zielvereinbarung 2025 – Werra-Meißner-Kreis')).toBe(1);
    expect(outbox('aqb@landkreis-fulda.example', 'vereinbar: Frist endet bald – Zielvereinbarung 2025 – Landkreis Fulda')).toBe(1);
    for (const address of ['ministerin@hmsi.example', 'stv@werra-meissner-kreis.example', 'gast@werra-meissner-kreis.example']) expect(outbox(address, '')).toBe(0);
    // Delivered: the district editor’s single mail, and the Landrätin’s in her digest (after the
    // ministry’s 26 mails queued before them: a while on a busy machine).
    await vi.waitFor(() => expect(mailsTo('fachdienst-arbeit@werra-meissner-kreis.example', 'vereinbar: Frist endet bald')).toHaveLength(1), { timeout: 45_000 });
    const [single] = mailsTo('fachdienst-arbeit@werra-meissner-kreis.example', 'vereinbar: Frist endet bald');
    const text = textOf(single ?? { to: [], raw: '' });
    expect(text).toContain('Die Frist für „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ endet am 31.07.2025.');
    expect(text).toMatch(new RegExp(`^Zur Vereinbarung: ${PUBLIC_URL}/vereinbarungen/${WMK}\r?$`, 'm'));
    await vi.waitFor(() => expect(mailsTo('landraetin@werra-meissner-kreis.example', 'vereinbar: ')).toHaveLength(1), { timeout: 45_000 });
    const [digest] = mailsTo('landraetin@werra-meissner-kreis.example', 'vereinbar: ');
    expect(subjectOf(digest ?? { to: [], raw: '' })).toBe('vereinbar: 1 neue Benachrichtigung');
    expect(textOf(digest ?? { to: [], raw: '' })).toContain('Die Frist für „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ endet am 31.07.2025.');
  }, 90_000);

  it('adds nothing in later runs, the next day, or after a restart', async () => {
    const before = onRecord();
    // 26 to each of the ministry's two, 1 to the district's editor, signatory and Fulda's editor.
    expect(before.notifications).toBe(2 * 26 + 3);
    await moreRuns(3);
    clock = berlinNoon('2025-07-27');
    await moreRuns(3);
    expect(onRecord()).toEqual(before);
    server = await server.restart();
    for (const who of Object.keys(DEMO_CAST) as DemoRole[]) cookies[who] = await login(server, DEMO_CAST[who]);
    // The run at start looks at all 26 again and writes nothing.
    await vi.waitFor(() => expect(server.log.lines.find((line) => line.event === 'deadline-reminders-checked')?.details).toMatchObject({ today: '2025-07-27', due: 26, written: 0 }));
    await moreRuns(2);
    expect(onRecord()).toEqual(before);
  }, 90_000);

  it('the day after the deadline, tells of the overdue agreements once, and never of a final one', async () => {
    // The Werra-Meißner agreement becomes final before the deadline passes.
    expect((await post(server, `/agreements/${WMK}/release`, cookies.ministry, {})).status).toBe(200);
    for (const [who, place] of [['minister', 'Wiesbaden'], ['landraetin', 'Eschwege']] as const) {
      const hash = (await detail(server, WMK, cookies[who])).release?.hash ?? '';
      expect((await post(server, `/agreements/${WMK}/sign`, cookies[who], { hash, place, password: 'demo' })).status).toBe(200);
    }
    expect((await detail(server, WMK, cookies.ministry)).status).toBe('final');
    clock = berlinNoon('2025-08-01');
    await vi.waitFor(async () => expect(await deadlineNotifications('fulda', 'deadline-overdue')).toHaveLength(1));
    clock = berlinNoon('2025-08-02');
    await moreRuns(3);
    const [overdue] = await deadlineNotifications('fulda', 'deadline-overdue');
    expect(overdue).toMatchObject({ agreementId: FULDA_2025, link: `/vereinbarungen/${FULDA_2025}` });
    expect(overdue?.text).toBe('Die Frist für „Zielvereinbarung 2025 – Landkreis Fulda“ ist am 31.07.2025 abgelaufen.');
    for (const who of ['district', 'landraetin', 'viewer'] as const) expect(await deadlineNotifications(who, 'deadline-overdue')).toEqual([]);
    const notFinal = ROUND_2025.filter((id) => id !== WMK).sort();
    for (const who of ['ministry', 'minister'] as const) {
      expect((await deadlineNotifications(who, 'deadline-overdue')).map((n) => n.agreementId).sort()).toEqual(notFinal);
    }
    // Overdue mail is on for the minister (only „Frist endet bald“ was switched off).
    expect(outbox('ministerin@hmsi.example', 'vereinbar: Frist überschritten')).toBe(25);
    expect(query<{ n: number }>(`SELECT COUNT(*) AS n FROM notifications WHERE kind = 'deadline-overdue'`).n).toBe(2 * 25 + 1);
  }, 60_000);
});
