import { describe, expect, it } from 'vitest';
import { packUpdates, unpackUpdates } from '../../server/store/writer/packedUpdates.js';
import type { PendingUpdate } from '../../server/store/types.js';

/** The batch the commit worker stores is the batch the room accepted: every author, time and byte. */
describe('a batch packed for the commit worker', () => {
  it('arrives with every update, author and time, in order, also when an update is a view into a larger buffer', () => {
    const message = new Uint8Array(65_536).map((_, i) => i % 251);
    const updates: PendingUpdate[] = [
      { agreementId: 'aqb-2024-werra-meissner-kreis', update: message.subarray(1000, 1040), author: { username: 'wmk-referat', via: 'client' }, at: 1_764_460_800_123 },
      { agreementId: 'aqb-2024-kassel-stadt', update: Uint8Array.of(0, 0), author: { username: 'system', via: 'server' }, at: 1_764_460_800_124 },
      { agreementId: 'aqb-2024-fulda', update: new Uint8Array(0), author: { username: 'jürgen.weiß', via: 'client' }, at: 0 },
    ];
    const packed = packUpdates(updates);
    expect(packed.byteLength).toBeLessThan(300);
    const unpacked = unpackUpdates(packed);
    expect(unpacked.map((u) => ({ ...u, update: [...u.update] }))).toEqual(updates.map((u) => ({ ...u, update: [...u.update] })));
  });

  it('of no updates is empty', () => {
    expect(unpackUpdates(packUpdates([]))).toEqual([]);
  });
});
