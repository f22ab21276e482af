import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLOSE } from '../../shared/protocol.js';
import type { ChangesSincePrevious } from '../../shared/rounds/types.js';
import { groupOfType, groups, newEntry } from './body.js';
import { api, newClient, suiteServer, synced, WMK_2024 as WMK, type TestClient } from './harness.js';
import { round2025Request } from '../../server/demo/rounds.js';
import { json, postJson, roundBody } from './roundsClient.js';

/**
 * §5 carried over from last year and the changes since, through real edits over the websocket:
 * the server follows the lineage of entry ids (carriedFrom), never the titles.
 */
const WMK_2025 = 'aqb-2025-werra-meissner-kreis';

/** The demo's 2025 round is made by the round command itself, carrying §5 over from 2024. */
const demoAmountOf = (districtId: string) => round2025Request().agreements.find((item) => item.districtId === districtId)?.amountCents;

function allEntries(doc: Y.Doc): Y.XmlElement[] {
  return groups(doc).flatMap((group) => group.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement));
}

function carriedFrom(doc: Y.Doc, previousId: string): Y.XmlElement {
  const entry = allEntries(doc).find((candidate) => candidate.getAttribute('carriedFrom') === previousId);
  if (!entry) throw new Error(`no entry carried from ${previousId}`);
  return entry;
}

const titleOf = (entry: Y.XmlElement) => (entry.get(0) instanceof Y.XmlText ? (entry.get(0) as Y.XmlText).toString() : '');

async function acknowledged(client: TestClient) {
  await vi.waitFor(() => expect(client.lastAck()).toBe(client.sentUpdates()), { timeout: 5000 });
}

describe('carrying §5 over into a new round (the demo\'s 2025 round)', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat', wmk: 'wmk-referat', fulda: 'fd-referat' });
  const changes = (id: string, cookie: string) => api(suite.server, `/agreements/${id}/changes-since-previous`, cookie);

  it('starts each list from last year with new ids that remember where they came from', async () => {
    const client = newClient(suite.server, WMK_2025, suite.cookies.wmk);
    await synced(client);
    const carried = allEntries(client.doc).map((entry) => [entry.getAttribute('carriedFrom'), titleOf(entry)]);
    expect(carried).toEqual([
      ['p-wmk24-dreiplus', 'DREIplus - Wiedererlangung der Erwerbsfähigkeit'],
      ['p-wmk24-aktiv', '"Aktiv in den Job (Junge-Mütter-Projekt)"'],
      ['p-wmk24-letswork', "Let's work"],
      ['p-wmk24-gefl1', 'Geflüchtete I'],
      ['p-wmk24-gefl2', 'Geflüchtete II'],
      ['p-wmk24-uebergang', 'Übergangsmanagement'],
      ['p-wmk24-strategie', 'Strategieentwicklung'],
    ]);
    const ids = allEntries(client.doc).map((entry) => entry.getAttribute('id'));
    expect(new Set(ids).size).toBe(7);
    expect(ids.some((id) => id?.startsWith('p-wmk24-'))).toBe(false);
    client.destroy();

    const unchanged = await json<ChangesSincePrevious>(await changes(WMK_2025, suite.cookies.wmk));
    expect(unchanged).toEqual({ previous: { id: WMK, year: 2024 }, added: [], removed: [], renamed: [], moved: [], amount: { from: 462_800_00, to: demoAmountOf('werra-meissner-kreis') } });
  });

  it('reports renames, moves, deletions and additions by lineage, not by title', async () => {
    const client = newClient(suite.server, WMK_2025, suite.cookies.wmk);
    await synced(client);
    const doc = client.doc;
    const ids = {
      letswork: carriedFrom(doc, 'p-wmk24-letswork').getAttribute('id'),
      gefl2: carriedFrom(doc, 'p-wmk24-gefl2').getAttribute('id'),
    };
    doc.transact(() => {
      // Renamed: same project, new title.
      (carriedFrom(doc, 'p-wmk24-letswork').get(0) as Y.XmlText).insert(11, ' 2025');
      // Moved to Maßnahmenart 4: re-created with its id and lineage, as the editor does.
      const gefl2 = carriedFrom(doc, 'p-wmk24-gefl2');
      const group3 = groupOfType(doc, 3);
      group3.delete(group3.toArray().indexOf(gefl2), 1);
      const moved = newEntry(ids.gefl2 ?? '', 'Geflüchtete II');
      moved.setAttribute('carriedFrom', 'p-wmk24-gefl2');
      groupOfType(doc, 4).insert(0, [moved]);
      // Deleted.
      group3.delete(group3.toArray().indexOf(carriedFrom(doc, 'p-wmk24-uebergang')), 1);
      // Deleted and typed again by hand: the same title is a new project, the old one is gone.
      group3.delete(group3.toArray().indexOf(carriedFrom(doc, 'p-wmk24-gefl1')), 1);
      group3.push([newEntry('p-handtyped0001', 'Geflüchtete I'), newEntry('p-neu2025000001', 'Sprachkurs Pflege')]);
    });
    await acknowledged(client);
    client.destroy();

    const result = await json<ChangesSincePrevious>(await changes(WMK_2025, suite.cookies.wmk));
    expect(result.previous).toEqual({ id: WMK, year: 2024 });
    expect(result.renamed).toEqual([{ id: ids.letswork, title: "Let's work 2025", from: "Let's work", previousId: 'p-wmk24-letswork' }]);
    expect(result.moved).toEqual([{ id: ids.gefl2, title: 'Geflüchtete II', fromMeasureType: 3, toMeasureType: 4, previousId: 'p-wmk24-gefl2' }]);
    expect(result.removed).toEqual([
      { id: 'p-wmk24-gefl1', title: 'Geflüchtete I' },
      { id: 'p-wmk24-uebergang', title: 'Übergangsmanagement' },
    ]);
    expect(result.added).toEqual([
      { id: 'p-handtyped0001', title: 'Geflüchtete I' },
      { id: 'p-neu2025000001', title: 'Sprachkurs Pflege' },
    ]);
  });

  it('closes a client that claims a lineage the server did not write (4403), and keeps it out', async () => {
    const client = newClient(suite.server, WMK_2025, suite.cookies.wmk);
    await synced(client);
    const forged = newEntry('p-forged000001', 'Erfundenes Vorjahresprojekt');
    forged.setAttribute('carriedFrom', 'p-wmk24-aktiv');
    groupOfType(client.doc, 3).push([forged]);
    await vi.waitFor(() => expect(client.closes).toContain(CLOSE.forbiddenUpdate), { timeout: 5000 });
    client.destroy();
    expect(suite.server.log.lines.some((line) => /lineage/.test(JSON.stringify(line.details)))).toBe(true);
    const result = await json<ChangesSincePrevious>(await changes(WMK_2025, suite.cookies.ministry));
    expect(result.added.map((entry) => entry.id)).not.toContain('p-forged000001');
  });

  it('carries Fulda over too, answers previous: null without a last year, and keeps districts apart', async () => {
    const fulda = await json<ChangesSincePrevious>(await changes('aqb-2025-fulda', suite.cookies.fulda));
    expect(fulda).toMatchObject({ previous: { id: 'aqb-2024-fulda', year: 2024 }, added: [], removed: [], amount: { from: 398_500_00 } });
    const giessen = await json<ChangesSincePrevious>(await changes('aqb-2025-giessen', suite.cookies.ministry));
    expect(giessen).toEqual({ previous: null, added: [], removed: [], renamed: [], moved: [], amount: { from: null, to: demoAmountOf('giessen') } });
    expect((await changes(WMK_2025, suite.cookies.fulda)).status).toBe(403);
    expect((await changes('aqb-2025-fulda', suite.cookies.wmk)).status).toBe(403);
    expect((await changes('aqb-2025-nirgendwo', suite.cookies.ministry)).status).toBe(404);
  });

  it('starts empty when the round says so', async () => {
    const response = await postJson(suite.server, '/rounds', suite.cookies.ministry, roundBody(2026, ['werra-meissner-kreis'], { carryOver: 'none' }));
    expect(response.status).toBe(201);
    const client = newClient(suite.server, 'aqb-2026-werra-meissner-kreis', suite.cookies.wmk);
    await synced(client);
    expect(allEntries(client.doc)).toEqual([]);
    client.destroy();
    const result = await json<ChangesSincePrevious>(await changes('aqb-2026-werra-meissner-kreis', suite.cookies.wmk));
    expect(result.previous).toEqual({ id: WMK_2025, year: 2025 });
    expect(result.added).toEqual([]);
    expect(result.removed.map((entry) => entry.title)).toContain('Sprachkurs Pflege');
  });
});
