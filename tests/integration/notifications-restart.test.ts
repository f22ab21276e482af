import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { spawnServer, type ChildServer } from './childServer.js';
import { createThread } from './commentsClient.js';
import { carriedEntryIds, login, WMK } from './harness.js';
import { startSmtp, type TestSmtp } from './smtpTestServer.js';

// The 2025 draft's entry carried over from the 2024 „Let's work" (its id is new at every seed).
const LETS_WORK = 'p-wmk24-letswork';

function outbox(dataDir: string): { key: string; recipient: string; state: string }[] {
  const db = new Database(join(dataDir, 'vereinbar.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT key, recipient, state FROM mail_outbox ORDER BY id').all() as { key: string; recipient: string; state: string }[];
  } finally {
    db.close();
  }
}

/**
 * At most once across a SIGKILL: the real server as a child process is killed while its SMTP
 * server holds a mail it has received but not answered. After the restart, that mail (state
 * "sending") is reported and never sent again; a mail still waiting in the outbox is sent once.
 */
describe('the mail outbox across a killed server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-mail-kill-'));
  const smtps: TestSmtp[] = [];
  let child: ChildServer | null = null;
  const env = (smtp: TestSmtp) => ({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://vereinbar.test', MAIL_FROM: 'noreply@vereinbar.test' });
  afterAll(async () => {
    await child?.kill('SIGTERM');
    for (const smtp of smtps) await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never sends a mail twice that was in flight when the process died, and sends a waiting one once', async () => {
    const hanging = await startSmtp();
    smtps.push(hanging);
    hanging.hold();
    child = await spawnServer(dataDir, 0, env(hanging));
    const district = await login(child, 'wmk-referat');
    // Seeded once in this data folder: the id stays the same across the restart.
    const entryId = (await carriedEntryIds(child, WMK, district))(LETS_WORK);
    await createThread(child, district, WMK, { entryId, text: 'Erste, @hmsi-referat.' });
    await vi.waitFor(() => expect(hanging.attempts()).toBe(1), { timeout: 10_000 });
    // The worker waits for the held mail: this one stays pending in the outbox.
    await createThread(child, district, WMK, { entryId, text: 'Zweite, @hmsi-ministerin.' });
    await child.kill('SIGKILL');
    expect(outbox(dataDir).map((row) => [row.recipient, row.state])).toEqual([
      ['hmsi-referat', 'sending'],
      ['hmsi-ministerin', 'pending'],
    ]);

    const working = await startSmtp();
    smtps.push(working);
    child = await spawnServer(dataDir, 0, env(working));
    await vi.waitFor(() => expect(working.received.map((m) => m.to)).toEqual([['ministerin@hmsi.example']]), { timeout: 10_000 });
    const [inFlight] = outbox(dataDir);
    expect(child.output()).toContain('"event":"mail-outcome-unknown"');
    expect(child.output()).toContain(`"key":"${inFlight?.key ?? ''}"`);

    // Another mail goes through the worker: by then it has passed the outbox again, and the one
    // in flight at the kill is still not sent.
    await createThread(child, await login(child, 'wmk-referat'), WMK, { entryId, text: 'Dritte, @hmsi-referat.' });
    await vi.waitFor(() => expect(working.received).toHaveLength(2), { timeout: 10_000 });
    expect(working.received.map((m) => m.to)).toEqual([['ministerin@hmsi.example'], ['referat-aqb@hmsi.example']]);
    // The SMTP server has the mail a moment before the worker records it as sent.
    await vi.waitFor(() => expect(outbox(dataDir).map((row) => row.state)).toEqual(['unknown', 'sent', 'sent']), { timeout: 10_000 });
  });
});
