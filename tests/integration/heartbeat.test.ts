import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE, MESSAGE } from '../../shared/protocol.js';
import { newClient, suiteServer, synced, WMK } from './harness.js';
import { connectRaw } from './rawClient.js';

/** The server pings every connection; one that stops answering is closed and leaves everyone's editor. */
describe('the heartbeat', () => {
  const suite = suiteServer({ sleeper: 'wmk-referat', colleague: 'hmsi-referat' }, { heartbeat: { intervalMs: 100, timeoutMs: 1_000 } });

  it('closes a connection that stops answering pings with 4008, and the others see its user leave', async () => {
    const colleague = newClient(suite.server, WMK, suite.cookies.colleague);
    await synced(colleague);
    const awake = connectRaw(suite.server, WMK, suite.cookies.colleague);
    let pings = 0;
    awake.ws.on('ping', () => pings++);
    const sleeper = connectRaw(suite.server, WMK, suite.cookies.sleeper, { autoPong: false });
    await sleeper.synced;
    const presence = new awarenessProtocol.Awareness(sleeper.doc);
    presence.setLocalState({ cursor: null });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(presence, [sleeper.doc.clientID]));
    sleeper.sendRaw(encoding.toUint8Array(encoder));
    await vi.waitFor(() => expect(colleague.provider.awareness.getStates().get(sleeper.doc.clientID)).toMatchObject({ user: { username: 'wmk-referat' } }));

    // From here on the sleeper sends nothing and answers no ping.
    expect((await sleeper.closed).code).toBe(CLOSE.noHeartbeat);
    await vi.waitFor(() => expect(colleague.provider.awareness.getStates().has(sleeper.doc.clientID)).toBe(false));
    expect(suite.server.log.lines).toContainEqual(expect.objectContaining({ event: 'connection-closed', details: expect.objectContaining({ user: 'wmk-referat', code: CLOSE.noHeartbeat }) }));

    // Clients that answer pings (ws does so by itself, as browsers do) stay, well past the timeout
    // (20 pings at 100 ms are twice the timeout), though the raw one says nothing else.
    await vi.waitFor(() => expect(pings).toBeGreaterThanOrEqual(20), { timeout: 10_000 });
    expect(awake.ws.readyState).toBe(awake.ws.OPEN);
    expect(colleague.closes).toEqual([]);
    expect(colleague.provider.wsconnected).toBe(true);
    awake.close();
    presence.destroy();
    colleague.destroy();
  });
});
