import * as Y from 'yjs';
import type { createApp } from '../server/app.js';
import { WERRA_MEISSNER_2024 } from '../server/demo/agreements.js';
import type { Store } from '../server/store/types.js';
import type { ProjectListModel } from '../shared/editor/body.js';
import type { VersionDiff, VersionSummary } from '../shared/history/types.js';
import { entries, entryText, groupOfType, newEntry } from '../tests/integration/body.js';
import { percentile } from './load.js';
import type { Metric, Scenario } from './scenarios.js';

/**
 * Version history in the bench (issue 12: listing versions and comparing two of a 300-entry
 * agreement each under 200 ms). The agreement, its history of edits by both parties and its
 * versions are written into the store before our server starts; the scenario measures the API.
 * Only our server has versions; the reference's column stays empty.
 */
export const VERSIONS_YEAR = 2080;
export const VERSIONS_AGREEMENT = `aqb-${VERSIONS_YEAR}-werra-meissner-kreis`;
const ENTRIES = 300;
const KEYSTROKES = 2_000;
const NAMED_VERSIONS = 20;

function threeHundredProjects(): ProjectListModel {
  return ([1, 2, 3, 4] as const).map((measureType) => ({
    measureType,
    entries: Array.from({ length: ENTRIES / 4 }, (_, i) => ({ id: `p-v${measureType}${String(i).padStart(3, '0')}`, title: `Projekt ${measureType}.${i + 1} – Qualifizierung und Begleitung junger Erwachsener` })),
  }));
}

/**
 * Edits of both parties as their clients would send them, one update each: keystrokes in random
 * entries, then 30 entries added, 30 removed, 15 moved to another Maßnahmenart.
 */
function edits(base: Uint8Array): { update: Uint8Array; author: string }[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const out: { update: Uint8Array; author: string }[] = [];
  let author = 'wmk-referat';
  doc.on('update', (update: Uint8Array) => out.push({ update, author }));
  const as = (who: 'wmk-referat' | 'hmsi-referat', clientId: number, change: () => void) => {
    author = who;
    doc.clientID = clientId;
    doc.transact(change);
  };
  const texts = () => [1, 2, 3, 4].flatMap((type) => entries(groupOfType(doc, type)).map((entry) => entryText(entry)));
  for (let i = 0; i < KEYSTROKES; i++) {
    const list = texts();
    const text = list[Math.floor(random() * list.length)];
    if (!text) continue;
    as(i % 3 === 0 ? 'hmsi-referat' : 'wmk-referat', i % 3 === 0 ? 5001 : 5002, () => {
      if (random() < 0.2 && text.length > 5) text.delete(Math.floor(random() * text.length), 1);
      else text.insert(Math.floor(random() * (text.length + 1)), 'x');
    });
  }
  for (let i = 0; i < 30; i++) as('wmk-referat', 5002, () => groupOfType(doc, 1 + (i % 4)).push([newEntry(`p-vneu${String(i).padStart(3, '0')}`, `Neues Projekt ${i + 1}`)]));
  for (let i = 0; i < 30; i++) as('hmsi-referat', 5001, () => groupOfType(doc, 2).delete(0, 1));
  for (let i = 0; i < 15; i++) {
    as('wmk-referat', 5002, () => {
      const source = groupOfType(doc, 3);
      const entry = entries(source)[0];
      if (!entry) return;
      const id = String(entry.getAttribute('id'));
      const title = entryText(entry).toString();
      source.delete(0, 1);
      groupOfType(doc, 4).push([newEntry(id, title)]);
    });
  }
  doc.destroy();
  return out;
}

/** The agreement, its edits and its versions, written before our server starts (setup, not measured). */
export async function seedVersionsBase(app: ReturnType<typeof createApp>, store: Store): Promise<void> {
  const id = await app.agreements.create(
    { ...WERRA_MEISSNER_2024, year: VERSIONS_YEAR, fields: { ...WERRA_MEISSNER_2024.fields, year: VERSIONS_YEAR }, projects: threeHundredProjects() },
    'bench',
  );
  const doc = new Y.Doc();
  const base = (await store.loadDocument(id)).updates[0];
  if (!base) throw new Error(`${id} has no document`);
  Y.applyUpdate(doc, base);
  const keep = async (name: string) => {
    const at = Date.now();
    await store.versions.save(id, { kind: 'named', name, status: 'draft', state: Y.encodeStateAsUpdate(doc), createdBy: 'hmsi-referat', at }, { kind: 'version-saved', actor: 'hmsi-referat', at, data: { name } });
  };
  await keep('Ausgangsfassung');
  const history = edits(base);
  const perVersion = Math.ceil(history.length / NAMED_VERSIONS);
  for (let i = 0; i < history.length; i += perVersion) {
    const chunk = history.slice(i, i + perVersion);
    await store.appendUpdates(chunk.map(({ update, author }) => ({ agreementId: id, update, author: { username: author, via: 'client' as const }, at: Date.now() })));
    for (const { update } of chunk) Y.applyUpdate(doc, update);
    await keep(`Zwischenstand ${i / perVersion + 1}`);
  }
  doc.destroy();
}

const ms = (key: string, label: string): Metric => ({ key, label, unit: 'ms', better: 'lower' });

export const versionsScenario = (): Scenario => ({
  name: `Verlauf: ${ENTRIES} Einträge, ${KEYSTROKES.toLocaleString('de-DE')} Änderungen, ${NAMED_VERSIONS + 1} Fassungen`,
  docs: 0,
  metrics: [
    ms('list', 'Fassungen auflisten (Median von 5)'),
    ms('compareCold', 'Vergleich erste ↔ letzte Fassung, erster Aufruf'),
    ms('compareColdCpu', 'dabei Server-CPU (baut den Index des Update-Logs)'),
    ms('compareWarm', 'Vergleich erste ↔ letzte Fassung, danach (Median von 5)'),
    ms('compareWarmCpu', 'dabei Server-CPU je Vergleich'),
    ms('compareNowCold', 'Vergleich erste Fassung ↔ jetzt, erster Aufruf (liest das Log)'),
    ms('compareNow', 'Vergleich erste Fassung ↔ jetzt (Median von 5)'),
    ms('compareNowCpu', 'dabei Server-CPU je Vergleich'),
    ms('attribution', 'Wer hat was geschrieben, alle Einträge (Median von 5)'),
  ],
  async run(ctx): Promise<Record<string, number>> {
    if (ctx.server.kind !== 'ours') return {};
    const { url } = ctx.server;
    const login = await fetch(`${url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hmsi-referat', password: 'demo' }) });
    const cookie = login.headers.get('set-cookie')?.split(';')[0] ?? '';
    const timed = async <T>(path: string): Promise<{ took: number; body: T }> => {
      const started = performance.now();
      const response = await fetch(`${url}/api/agreements/${VERSIONS_AGREEMENT}${path}`, { headers: { cookie } });
      const body = (await response.json()) as T;
      const took = performance.now() - started;
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
      return { took, body };
    };
    const list = await timed<VersionSummary[]>('/versions');
    if (list.body.length !== NAMED_VERSIONS + 1) throw new Error(`versions: expected ${NAMED_VERSIONS + 1}, got ${list.body.length}`);
    const first = list.body.at(-1)?.id ?? 0;
    const last = list.body[0]?.id ?? 0;
    const server = ctx.server;
    const coldCpuBefore = server.cpuSeconds();
    const cold = await timed<VersionDiff>(`/versions/${first}/compare/${last}`);
    const coldCpu = (server.cpuSeconds() - coldCpuBefore) * 1000;
    const kinds = (diff: VersionDiff, kind: string) => diff.entries.filter((change) => change.kind === kind).length;
    if (kinds(cold.body, 'added') !== 30 || kinds(cold.body, 'removed') !== 30 || kinds(cold.body, 'moved') !== 15) throw new Error('compare: expected 30 added, 30 removed, 15 moved');
    if (cold.body.entries.some((change) => change.by.length === 0)) throw new Error('compare: a change without its author');
    // After the first call: the median of five, so that one slow moment of a busy machine does not decide.
    // The server's own CPU time per call too: on a machine shared with other work the wall time
    // measures the queue for a core as much as the request.
    const median = async (path: string) => {
      const times: number[] = [];
      const cpuBefore = server.cpuSeconds();
      for (let i = 0; i < 5; i++) times.push((await timed<unknown>(path)).took);
      return { wall: percentile(times, 50), cpu: ((server.cpuSeconds() - cpuBefore) * 1000) / 5 };
    };
    const listed = await median('/versions');
    const warm = await median(`/versions/${first}/compare/${last}`);
    const nowCold = await timed<VersionDiff>(`/versions/${first}/compare/now`);
    const now = await median(`/versions/${first}/compare/now`);
    const attribution = await median('/attribution');
    return {
      list: listed.wall,
      compareCold: cold.took,
      compareColdCpu: coldCpu,
      compareWarm: warm.wall,
      compareWarmCpu: warm.cpu,
      compareNowCold: nowCold.took,
      compareNow: now.wall,
      compareNowCpu: now.cpu,
      attribution: attribution.wall,
    };
  },
});
