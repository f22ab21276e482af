import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { api, carriedEntryIds, login, newServer, WMK, type TestServer } from './harness.js';
import { createThread } from './commentsClient.js';
import { json } from './notificationsClient.js';
import { startSmtp, subjectOf, textOf, type TestSmtp } from './smtpTestServer.js';

// The 2025 draft's entry carried over from the 2024 „Let's work" (its id is new at every seed).
const LETS_WORK = 'p-wmk24-letswork';
const PUBLIC_URL = 'https://vereinbar.test';

/** Mail through the outbox to a real SMTP server in this process, which refuses and then accepts. */
describe('notification mail', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  const cookies: Record<string, string> = {};
  let entryId = '';

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await newServer(undefined, 0, {
      smtpUrl: smtp.url,
      mailFrom: 'vereinbar <noreply@vereinbar.test>',
      publicUrl: PUBLIC_URL,
      mailWorker: { retryBaseMs: 20, maxAttempts: 5, pollMs: 60_000, digestEveryMs: 0 },
    });
    for (const username of ['hmsi-referat', 'wmk-referat', 'wmk-landraetin']) cookies[username] = await login(server, username);
    entryId = (await carriedEntryIds(server, WMK, cookies['hmsi-referat'] ?? ''))(LETS_WORK);
  });
  afterAll(async () => {
    await server.dispose();
    await smtp.close();
  });

  it('sends a German plain-text mail with the link and the title, never the comment', async () => {
    await createThread(server, cookies['wmk-referat'] ?? '', WMK, { entryId, text: 'Geheimer Inhalt, @hmsi-referat.' });
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1));
    const [mail] = smtp.received;
    if (!mail) throw new Error('no mail');
    expect(mail.to).toEqual(['referat-aqb@hmsi.example']);
    expect(subjectOf(mail)).toBe('vereinbar: Sie wurden erwähnt – Zielvereinbarung 2025 – Werra-Meißner-Kreis');
    const text = textOf(mail);
    expect(text).toContain('Fachdienst Arbeit (Werra-Meißner-Kreis) hat Sie in einem Kommentar zu „Zielvereinbarung 2025 – Werra-Meißner-Kreis“ erwähnt.');
    expect(text).toContain(`${PUBLIC_URL}/vereinbarungen/${WMK}?thread=t-`);
    expect(text).not.toContain('Geheimer Inhalt');
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/m);
    await vi.waitFor(() => expect(server.log.lines).toContainEqual(expect.objectContaining({ event: 'mail-sent', details: expect.objectContaining({ recipient: 'hmsi-referat', attempts: 1 }) })));
  });

  it('retries with backoff while the SMTP server refuses with 451, then delivers once; the comment never waits', async () => {
    smtp.refuseNext(2);
    const before = smtp.attempts();
    const started = Date.now();
    await createThread(server, cookies['wmk-referat'] ?? '', WMK, { entryId, text: 'Noch einmal, @hmsi-referat.' });
    expect(Date.now() - started).toBeLessThan(5_000);
    await vi.waitFor(() => expect(smtp.received).toHaveLength(2), { timeout: 10_000 });
    expect(smtp.attempts() - before).toBe(3);
    const retries = server.log.lines.filter((line) => line.event === 'mail-retry');
    expect(retries.map((line) => [line.details.attempts, line.details.code])).toEqual([
      [1, 451],
      [2, 451],
    ]);
    // Logged once the SMTP server's 250 has reached the worker, which can be just after the
    // server counted the mail as received.
    await vi.waitFor(() => expect(server.log.lines.filter((line) => line.event === 'mail-sent').at(-1)?.details).toMatchObject({ attempts: 3 }));
  });

  it('sends nothing for kinds switched off, and gathers a digest instead of single mails', async () => {
    const landraetin = cookies['wmk-landraetin'] ?? '';
    // Mentions off: nothing is sent for one.
    await api(server, '/account/notifications', landraetin, json('PATCH', { mail: { mention: false } }));
    await createThread(server, cookies['hmsi-referat'] ?? '', WMK, { entryId, text: 'Zur Kenntnis, @wmk-landraetin.' });
    // Mentions on again, as a digest: the next two come in one mail.
    await api(server, '/account/notifications', landraetin, json('PATCH', { mail: { mention: true }, digest: true }));
    const count = smtp.received.length;
    await createThread(server, cookies['hmsi-referat'] ?? '', WMK, { entryId, text: 'Erstens, @wmk-landraetin.' });
    await createThread(server, cookies['hmsi-referat'] ?? '', WMK, { entryId, text: 'Zweitens, @wmk-landraetin.' });
    // The digest interval is 0 here; a commit that queues no single mail does not wake the worker.
    await api(server, '/account/notifications', cookies['hmsi-referat'] ?? '', json('PATCH', { digest: false }));
    await createThread(server, cookies['wmk-referat'] ?? '', WMK, { entryId, text: 'Weckruf, @hmsi-referat.' });
    await vi.waitFor(() => expect(smtp.received.filter((m) => m.to.includes('landraetin@werra-meissner-kreis.example'))).toHaveLength(1));
    const digest = smtp.received.find((m) => m.to.includes('landraetin@werra-meissner-kreis.example'));
    if (!digest) throw new Error('no digest');
    expect(subjectOf(digest)).toBe('vereinbar: 2 neue Benachrichtigungen');
    expect(textOf(digest).match(/hat Sie in einem Kommentar/g)).toHaveLength(2);
    expect(textOf(digest)).not.toContain('Erstens');
    expect(smtp.received.length).toBeGreaterThan(count);
  });
});
