import * as Y from 'yjs';
import { createApp } from '../server/app.js';
import { WERRA_MEISSNER_2024 } from '../server/demo/agreements.js';
import { seedAgreementDoc } from '../server/documents/agreementDoc.js';
import { consoleLogger } from '../server/log.js';
import { seedDemo } from '../server/seed/demo.js';
import { seedRoundBase } from './rounds.js';
import { seedVersionsBase } from './versions.js';
import { SqliteStore } from '../server/store/sqlite.js';
import { entries, entryText, groups } from '../tests/integration/body.js';

/**
 * The bench's agreements, created through the same AgreementService as the demo, in the data
 * folder before our server starts: no HTTP endpoint creates agreements, and none is added for this.
 * They belong to the Werra-Meißner-Kreis, one per "year" (the store allows one per district and year).
 */
export const benchAgreementId = (n: number) => `aqb-${3000 + n}-werra-meissner-kreis`;

/** The state the server seeds into a new agreement; the reference server gets it from a client. */
export function initialState(): Uint8Array {
  const doc = seedAgreementDoc(WERRA_MEISSNER_2024.fields, WERRA_MEISSNER_2024.projects, 'draft');
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * A history of `count` keystroke updates on §5 entries by ten people over time: typing at random
 * places in random entries, one keystroke in five a deletion. Built against `base`.
 */
export function keystrokeHistory(base: Uint8Array, count: number, seed = 1): Uint8Array[] {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const texts = groups(doc).flatMap((group) => entries(group).map((entry) => entryText(entry)));
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) {
    if (i % 100 === 0) doc.clientID = 1000 + Math.floor(random() * 10) + (i % 1000 === 0 ? i : 0);
    const text = texts[Math.floor(random() * texts.length)];
    if (!text) continue;
    if (random() < 0.2 && text.length > 5) text.delete(Math.floor(random() * text.length), 1);
    else text.insert(Math.floor(random() * (text.length + 1)), 'x');
  }
  doc.destroy();
  return updates;
}

export interface SeedPlan {
  /** Agreements 0 … count-1 with the demo content. */
  agreements: number;
  /** Agreement ids (among those) → how many keystrokes of history to append to their update log. */
  histories: Map<string, number>;
}

/** A document's stored first update and the history appended after it (the reference gets both). */
export interface History {
  base: Uint8Array;
  updates: Uint8Array[];
}

export async function seedBenchStore(dataDir: string, plan: SeedPlan): Promise<Map<string, History>> {
  // Setup, not measured: no fsync per created agreement.
  const store = new SqliteStore(dataDir, { synchronous: 'OFF' });
  const silent = consoleLogger('error');
  const app = createApp({ store, log: silent, staticDir: null });
  const { agreements } = app;
  await seedDemo(store, app, 'demo', silent);
  await seedRoundBase(app, store);
  await seedVersionsBase(app, store);
  for (let n = 0; n < plan.agreements; n++) {
    await agreements.create({ ...WERRA_MEISSNER_2024, year: 3000 + n, fields: { ...WERRA_MEISSNER_2024.fields, year: 3000 + n } }, 'bench');
  }
  const histories = new Map<string, History>();
  for (const [id, count] of plan.histories) {
    const stored = await store.loadDocument(id);
    const base = stored.updates[0];
    if (!base) throw new Error(`agreement ${id} has no document`);
    const history = keystrokeHistory(base, count);
    histories.set(id, { base, updates: history });
    const at = Date.now();
    for (let i = 0; i < history.length; i += 5000) {
      const chunk = history.slice(i, i + 5000);
      await store.appendUpdates(chunk.map((update) => ({ agreementId: id, update, author: { username: 'wmk-referat', via: 'client' as const }, at })));
    }
  }
  await store.close();
  return histories;
}
