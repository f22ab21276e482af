import * as Y from 'yjs';
import { WERRA_MEISSNER_2024 } from './server/demo/agreements.js';
import { seedAgreementDoc } from './server/documents/agreementDoc.js';
import { checkBodyTransaction } from './server/documents/bodyGuard.js';
import { firstEntryText } from './tests/integration/body.js';
const seeded = Y.encodeStateAsUpdate(seedAgreementDoc(WERRA_MEISSNER_2024.fields, WERRA_MEISSNER_2024.projects, 'draft'));
const client = new Y.Doc(); Y.applyUpdate(client, seeded);
const shadow = new Y.Doc(); Y.applyUpdate(shadow, seeded);
const updates: Uint8Array[] = [];
client.on('update', (u: Uint8Array) => updates.push(u));
for (let i = 0; i < 6000; i++) { if (i % 2 === 0) firstEntryText(client).insert(3, 'a'); else firstEntryText(client).delete(3, 1); }
let tr: Y.Transaction | null = null; shadow.on('afterTransaction', (t: Y.Transaction) => (tr = t));
let checkMs = 0;
for (const [i, u] of updates.entries()) { Y.applyUpdate(shadow, u); const t0 = performance.now(); const r = checkBodyTransaction(tr!, shadow); if (i >= 1000) checkMs += performance.now() - t0; if (r) throw new Error(r); }
console.log(`check per keystroke: ${(checkMs / 5000 * 1000).toFixed(1)} µs`);
