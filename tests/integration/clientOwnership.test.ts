import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE } from '../../shared/protocol.js';
import { entries, entryText, group } from './body.js';
import { agreementText, login, newClient, newServer, synced, WMK, type TestServer } from './harness.js';
import { connectRaw } from './rawClient.js';

describe('Yjs client ids', () => {
  let server: TestServer;
  afterEach(async () => {
    await server.dispose();
  });

  it('stay with the user who wrote with them across a restart, so nobody can write as them afterwards', async () => {
    server = await newServer();
    const ministry = await login(server, 'hmsi-referat');
    const victim = newClient(server, WMK, ministry);
    await synced(victim);
    entryText(entries(group(victim.doc, 0))[0]!).insert(0, 'Ministerium: ');
    await vi.waitFor(async () => expect(await agreementText(server, WMK, ministry)).toContain('- Ministerium: DREIplus'));
    const victimClient = victim.doc.clientID;
    victim.destroy();

    server = await server.restart();
    const cookie = await login(server, 'wmk-referat');
    const attacker = connectRaw(server, WMK, cookie);
    await attacker.synced;
    // Continue the ministry's client: the edit would read as the ministry's own in the CRDT.
    attacker.doc.clientID = victimClient;
    entryText(entries(group(attacker.doc, 0))[1]!).insert(0, 'gefälscht: ');
    expect((await attacker.closed).code).toBe(CLOSE.forbiddenUpdate);
    attacker.close();
    expect(await agreementText(server, WMK, cookie)).not.toContain('gefälscht');
    expect(server.log.lines.some((line) => String(line.details.reason).includes(`Yjs client ${victimClient}`))).toBe(true);
  });
});
