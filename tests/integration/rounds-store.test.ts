import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DISTRICTS } from '../../shared/districts.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import Database from 'better-sqlite3';
import { AgreementExists } from '../../server/store/rounds.js';
import type { NewAgreement, RoundRecord } from '../../server/store/types.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { migrate } from '../../server/store/migrations.js';
import { initial } from '../../server/store/migrations/001-initial.js';

/**
 * The round store on a real SQLite file: a round and its agreements are one transaction, and a
 * failure at any agreement — a constraint or anything else — leaves neither round nor agreement.
 */
const ROUND: RoundRecord = {
  year: 2025,
  templateVersion: 'aqb-2024',
  deadline: '2025-06-30',
  carryOver: 'none',
  ministrySignatory: { name: 'Heike Hofmann', functionLines: ['Staatsministerin'], place: 'Wiesbaden' },
  createdAt: 1,
  createdBy: 'hmsi-referat',
};

function agreementsOfAll(): NewAgreement[] {
  const doc = seedAgreementDoc({ ...WERRA_MEISSNER_2024.fields, year: 2025 }, [], 'draft');
  const initialUpdate = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return DISTRICTS.map((district) => ({
    record: { id: `aqb-2025-${district.id}`, districtId: district.id, year: 2025, templateVersion: 'aqb-2024', status: 'draft', fields: { ...WERRA_MEISSNER_2024.fields, year: 2025 }, createdAt: 1, updatedAt: 1 },
    initialUpdate,
  }));
}

describe('the round store', () => {
  const dirs: string[] = [];
  const open = (beforeInsert?: (index: number) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'vereinbar-rounds-'));
    dirs.push(dir);
    const store = new SqliteStore(dir, { beforeAgreementInsert: beforeInsert });
    return { store, rounds: store.rounds };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps nothing when the 26th agreement fails for a reason other than a constraint', async () => {
    const { store, rounds } = open((index) => {
      if (index === 25) throw new Error('disk full (injected)');
    });
    await expect(rounds.createRound(ROUND, agreementsOfAll(), { username: 'hmsi-referat', via: 'server' })).rejects.toThrow(/injected/);
    expect(await store.listAgreements()).toEqual([]);
    expect(await rounds.listRounds()).toEqual([]);
    expect((await store.loadDocument('aqb-2025-bergstrasse')).updates).toEqual([]);
    await store.close();
    // Not one `created` event either: the whole transaction was rolled back.
    const file = new Database(join(dirs.at(-1)!, 'vereinbar.sqlite'), { readonly: true });
    expect((file.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n).toBe(0);
    file.close();
  });

  it('creates the round and all 26 agreements with their first update, and refuses a district twice', async () => {
    const { store, rounds } = open();
    await rounds.createRound(ROUND, agreementsOfAll(), { username: 'hmsi-referat', via: 'server' });
    expect(await store.listAgreements()).toHaveLength(26);
    expect(await rounds.getRound(2025)).toEqual(ROUND);
    expect((await store.loadDocument('aqb-2025-fulda')).updates).toHaveLength(1);
    const again = agreementsOfAll().filter((a) => a.record.districtId === 'fulda');
    await expect(rounds.createRound(null, again, { username: 'hmsi-referat', via: 'server' })).rejects.toEqual(new AgreementExists('fulda', 2025));
    // The unique index itself, whatever the id: a second agreement of Fulda for 2025 under another id.
    const renamed = again.map((a) => ({ ...a, record: { ...a.record, id: 'aqb-2025-fulda-2' } }));
    await expect(rounds.createRound(null, renamed, { username: 'hmsi-referat', via: 'server' })).rejects.toBeInstanceOf(AgreementExists);
    await store.close();
  });

  it('upgrades a store of schema version 1 (before rounds) without losing its agreements', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vereinbar-rounds-'));
    dirs.push(dir);
    const [fulda] = agreementsOfAll().filter((a) => a.record.districtId === 'fulda');
    const { record } = fulda!;
    // A store as step 001 left it, with one agreement in it.
    const file = new Database(join(dir, 'vereinbar.sqlite'));
    migrate(file, [initial]);
    file
      .prepare('INSERT INTO agreements (id, district_id, year, template_version, status, fields, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(record.id, record.districtId, record.year, record.templateVersion, record.status, JSON.stringify(record.fields), 1, 1);
    file.close();
    const reopened = new SqliteStore(dir);
    expect((await reopened.listAgreements()).map((a) => a.id)).toEqual(['aqb-2025-fulda']);
    expect(await reopened.rounds.listRounds()).toEqual([]);
    // The rule of step 002 holds for what was there before: Fulda 2025 cannot come twice.
    await expect(reopened.rounds.createRound(null, [fulda!], { username: 'hmsi-referat', via: 'server' })).rejects.toEqual(new AgreementExists('fulda', 2025));
    await reopened.close();
    const check = new Database(join(dir, 'vereinbar.sqlite'), { readonly: true });
    const names = check.prepare("SELECT name FROM sqlite_master WHERE name IN ('rounds', 'agreements_district_year')").all() as { name: string }[];
    expect(names.map((row) => row.name).sort()).toEqual(['agreements_district_year', 'rounds']);
    check.close();
  });
});
