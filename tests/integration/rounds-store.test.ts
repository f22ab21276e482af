import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DISTRICTS } from '../../shared/districts.js';
import { WERRA_MEISSNER_2024 } from '../../server/demo/agreements.js';
import { seedAgreementDoc } from '../../server/documents/agreementDoc.js';
import { AgreementExists, SqliteRoundStore, type NewAgreement, type RoundRecord } from '../../server/store/rounds.js';
import { SqliteStore } from '../../server/store/sqlite.js';

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
    const store = new SqliteStore(dir);
    return { store, rounds: SqliteRoundStore.on(store, beforeInsert) };
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
    const events = store.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number };
    expect(events.n).toBe(0);
    store.close();
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
    store.close();
  });

  it('upgrades a store of the schema before rounds without losing anything, and runs again harmlessly', async () => {
    const { store } = open();
    const [fulda] = agreementsOfAll().filter((a) => a.record.districtId === 'fulda');
    await store.createAgreement(fulda!.record, fulda!.initialUpdate, { username: 'system', via: 'server' });
    // Back to the schema of today's main: no rounds table, no named index.
    store.db.exec('DROP TABLE rounds; DROP INDEX agreements_district_year; DROP INDEX agreements_by_year;');
    const dir = dirs.at(-1)!;
    store.close();
    for (let run = 0; run < 2; run++) {
      const reopened = new SqliteStore(dir);
      const names = reopened.db.prepare("SELECT name FROM sqlite_master WHERE name IN ('rounds', 'agreements_district_year')").all() as { name: string }[];
      expect(names.map((row) => row.name).sort()).toEqual(['agreements_district_year', 'rounds']);
      expect((await reopened.listAgreements()).map((a) => a.id)).toEqual(['aqb-2025-fulda']);
      expect((await reopened.loadDocument('aqb-2025-fulda')).updates).toHaveLength(1);
      expect(await SqliteRoundStore.on(reopened).listRounds()).toEqual([]);
      reopened.close();
    }
  });
});
