import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstEntryText } from './body.js';
import { newClient, login, newServer, synced, WMK, type TestClient, type TestServer } from './harness.js';

describe('live sync through the real server', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  beforeEach(async () => {
    server = await newServer();
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await server.dispose();
  });

  it('carries an edit of a project entry from one editor to another', async () => {
    const a = newClient(server, WMK, await login(server, 'hmsi-referat'));
    const b = newClient(server, WMK, await login(server, 'wmk-referat'));
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    firstEntryText(a.doc).insert(0, 'NEU: ');
    await vi.waitFor(() => expect(firstEntryText(b.doc).toString()).toBe('NEU: DREIplus - Wiedererlangung der Erwerbsfähigkeit'));
    await vi.waitFor(() => expect(a.lastAck()).toBeGreaterThan(0));
    const text = await (await fetch(`${server.url}/api/agreements/${WMK}/text`, { headers: { cookie: await login(server, 'wmk-gast') } })).text();
    expect(text).toContain('- NEU: DREIplus - Wiedererlangung der Erwerbsfähigkeit');
  });
});
