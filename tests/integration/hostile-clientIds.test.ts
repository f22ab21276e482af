import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { CLIENT_ID_LIMITS, CLOSE } from '../../shared/protocol.js';
import { HONEST_LATENCY_MS, sessionLatency, storedUpdates } from './attackProbe.js';
import { firstEntryText } from './body.js';
import { suiteServer, WMK } from './harness.js';
import { freshClientId, gcUpdate } from './hostileCorpus.js';
import { connectRaw } from './rawClient.js';

/**
 * Issue 9, finding 7: Yjs client ids are a resource. Every sync exchanges a state vector with one
 * entry per id ever used, so no update may claim absurd clocks or bring many new ids, and no user
 * may introduce ids without bound.
 */
describe('Yjs client ids as a resource', () => {
  const suite = suiteServer({ district: 'wmk-referat', ministry: 'hmsi-referat', honest: 'fd-referat' });

  /** The state vector a new client receives: what the attack would have bloated. */
  async function stateVectorSize(): Promise<number> {
    const reader = connectRaw(suite.server, WMK, suite.cookies.ministry);
    await reader.synced;
    const size = Y.encodeStateVector(reader.doc).byteLength;
    reader.close();
    return size;
  }

  it.each([
    ['a GC struct of length 2^40 for an unused client id', () => gcUpdate([freshClientId()], 2 ** 40)],
    [`an update with ${CLIENT_ID_LIMITS.newPerUpdate + 1} new client ids`, () => gcUpdate(Array.from({ length: CLIENT_ID_LIMITS.newPerUpdate + 1 }, freshClientId), 1)],
  ])('refuses %s with 4403; nothing stored, the state vector unchanged', async (_what, attack) => {
    const [stored, before] = [storedUpdates(suite.server.dataDir), await stateVectorSize()];
    const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
    await attacker.synced;
    attacker.sendRaw(attack());
    expect((await attacker.closed).code).toBe(CLOSE.forbiddenUpdate);
    expect(await sessionLatency(suite.server, suite.cookies.honest)).toBeLessThan(HONEST_LATENCY_MS);
    expect(storedUpdates(suite.server.dataDir)).toBe(stored);
    expect(await stateVectorSize()).toBe(before);
  });

  it(`lets one user introduce ${CLIENT_ID_LIMITS.newPerUser.burst} new client ids at once and then closes with 4429; other users write on`, async () => {
    const before = storedUpdates(suite.server.dataDir);
    const attacker = connectRaw(suite.server, WMK, suite.cookies.district);
    await attacker.synced;
    const perUpdate = CLIENT_ID_LIMITS.newPerUpdate;
    const allowed = CLIENT_ID_LIMITS.newPerUser.burst / perUpdate;
    // Structs of length 1 for new ids pass the lock rules: they change no content. Bounded, not refused.
    for (let i = 0; i <= allowed; i++) attacker.sendRaw(gcUpdate(Array.from({ length: perUpdate }, freshClientId), 1));
    expect((await attacker.closed).code).toBe(CLOSE.tooManyMessages);
    // What was accepted before the limit is committed even though its sender is gone.
    await vi.waitFor(() => expect(storedUpdates(suite.server.dataDir)).toBe(before + allowed));

    // The same user on a new connection gets no new ids either; someone else does.
    const again = connectRaw(suite.server, WMK, suite.cookies.district);
    await again.synced;
    again.sendRaw(gcUpdate([freshClientId()], 1));
    expect((await again.closed).code).toBe(CLOSE.tooManyMessages);
    const stored = storedUpdates(suite.server.dataDir);
    const other = connectRaw(suite.server, WMK, suite.cookies.ministry);
    await other.synced;
    firstEntryText(other.doc).insert(0, 'weiter ');
    await vi.waitFor(() => expect(other.lastAck()).toBe(other.sent()));
    expect(storedUpdates(suite.server.dataDir)).toBe(stored + 1);
    other.close();
  });
});
