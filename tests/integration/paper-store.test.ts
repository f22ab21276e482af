import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { memoryLogger } from '../../server/log.js';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../server/store/sqlite.js';
import { seedDemo } from '../../server/seed/demo.js';
import { FULDA, WMK, WMK_2024 } from './harness.js';

/** Migration 004: a store written before it (no signature source, no round note) opens without loss. */
describe('the store of paper agreements', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vereinbar-paper-store-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('upgrades a store of the schema before step 4 without losing anything, and runs again harmlessly', async () => {
    const store = new SqliteStore(dir);
    await seedDemo(store, createApp({ store, log: memoryLogger(), staticDir: null }), 'demo', memoryLogger());
    await store.close();
    // An electronic signature of the schema before step 4, then back to that schema (version 3).
    const db = new Database(join(dir, 'vereinbar.sqlite'));
    db.exec(`INSERT INTO signoff_releases (agreement_id, hash, text, released_by, released_at) VALUES ('${FULDA}', 'h', 't', 'hmsi-referat', 1)`);
    db.exec(`INSERT INTO signoff_signatures (release_id, agreement_id, party, username, name, role, place, date, hash, signed_at)
             SELECT MAX(id), '${FULDA}', 'ministry', 'hmsi-ministerin', 'Heike Hofmann', 'ministry-signatory', 'Wiesbaden', '2024-07-01', 'h', 1 FROM signoff_releases WHERE agreement_id = '${FULDA}'`);
    db.exec('DROP TRIGGER signoff_signatures_no_update; DROP TRIGGER signoff_signatures_no_delete;');
    db.exec("DELETE FROM signoff_signatures WHERE source = 'paper'; ALTER TABLE signoff_signatures DROP COLUMN source; ALTER TABLE rounds DROP COLUMN note;");
    // Step 5 (notifications) came after step 4: without its tables too, the store is one of version 3.
    db.exec('DROP TABLE mail_outbox; DROP TABLE notification_settings; DROP TABLE notifications;');
    // So did steps 6 (templates) and 7 (versions); step 8 changes notifications, dropped above.
    db.exec('DROP TABLE template_doc_clients; DROP TABLE template_doc_snapshots; DROP TABLE template_doc_updates; DROP TABLE template_versions;');
    db.exec('DROP TABLE doc_versions; DROP TABLE history_seen;');
    db.pragma('user_version = 3');
    const before = (db.prepare('SELECT COUNT(*) AS n FROM agreements').get() as { n: number }).n;
    db.close();

    for (let run = 0; run < 2; run++) {
      const reopened = new SqliteStore(dir);
      const { signoff } = reopened;
      expect((await reopened.listAgreements()).length).toBe(before);
      const release = await signoff.latestRelease(FULDA);
      // The old signature reads as electronic: no `paper` flag.
      expect(await signoff.signatures(release?.id ?? -1)).toEqual([expect.not.objectContaining({ paper: true })]);
      expect((await reopened.rounds.listRounds()).map((round) => [round.year, round.note])).toEqual([
        [2025, undefined],
        [2024, undefined],
      ]);
      expect((await reopened.loadDocument(WMK)).updates.length).toBeGreaterThan(0);
      expect((await reopened.getAgreement(WMK_2024))?.status).toBe('final');
      await reopened.close();
      const check = new Database(join(dir, 'vereinbar.sqlite'), { readonly: true });
      const columns = (table: string) => (check.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns('signoff_signatures')).toContain('source');
      expect(columns('rounds')).toContain('note');
      check.close();
    }
  });
});
