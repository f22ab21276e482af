import { describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../server/log.js';
import { agreementSyncHooks, type AgreementPeer } from '../../server/documents/hooks.js';
import type { SyncExtension } from '../../server/sync/extensions.js';
import { RoomRegistry } from '../../server/sync/registry.js';
import type { LoadedDocument } from '../../server/sync/types.js';
import { MemoryStore, ROOM } from './sync-fixtures.js';

/** The wiring around a sync: ordered extensions, the room's own write count, and use(). */

function registry(extensions: SyncExtension<AgreementPeer>[] = [], idleUnloadMs = 60_000) {
  const store = new MemoryStore();
  const log = memoryLogger();
  return { store, log, rooms: new RoomRegistry(agreementSyncHooks(store, log, Date.now, extensions), { idleUnloadMs }) };
}

const serverWrite = (document: LoadedDocument, value: number) =>
  document.submitServerChange(
    (doc) => doc.getMap('fields').set('amountCents', value),
    async () => {},
  );

describe('sync extensions', () => {
  it('run afterApply in their order, and one that fails neither stops the next nor the commit', async () => {
    const calls: string[] = [];
    const failing: SyncExtension<AgreementPeer> = {
      name: 'failing',
      afterApply: async () => {
        calls.push('failing');
        throw new Error('boom');
      },
    };
    const counting: SyncExtension<AgreementPeer> = { name: 'counting', afterApply: async (document) => void calls.push(`counting ${document.writes}`) };
    const { rooms, log } = registry([failing, counting]);
    await rooms.use(ROOM, (room) => serverWrite(room, 1));
    await vi.waitFor(() => expect(calls).toEqual(['failing', 'counting 1']));
    expect(log.lines.some((e) => e.event === 'after-apply-failed' && e.details.extension === 'failing')).toBe(true);
  });

  it('let the room count every committed server change, so compaction needs no one to report writes', async () => {
    const { rooms } = registry();
    const writes = await rooms.use(ROOM, async (room) => {
      await serverWrite(room, 1);
      await serverWrite(room, 2);
      // A change that writes nothing is not a write.
      await room.submitServerChange(() => {}, async () => {});
      return room.writes;
    });
    expect(writes).toBe(2);
  });
});

describe('the registry', () => {
  it('releases a room used by a command that throws, so that it is unloaded when idle', async () => {
    const { rooms } = registry([], 10);
    await expect(rooms.use(ROOM, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(rooms.isLoaded(ROOM)).toBe(true);
    await vi.waitFor(() => expect(rooms.isLoaded(ROOM)).toBe(false));
  });
});
