import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { api, login, newServer, type TestServer } from './harness.js';
import { pdfBytes, post } from './signoffTools.js';

/** A POST with headers fetch would not let us choose (Host). */
function rawPost(server: TestServer, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '2', ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
}

/** Issue 9, point 8: the smaller findings. */
describe('sessions, origins and scan ids', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.dispose();
    server = null;
  });

  it('ends the first session when another user logs in in the same browser', async () => {
    server = await newServer();
    const first = await login(server, 'wmk-referat');
    const second = await api(server, '/login', first, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hmsi-referat', password: 'demo' }) });
    expect(second.status).toBe(200);
    expect((await api(server, '/session', first)).status).toBe(401);
    const cookie = (second.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(await (await api(server, '/session', cookie)).json()).toMatchObject({ username: 'hmsi-referat' });
  });

  it('keeps the first session when the same user logs in again (another tab)', async () => {
    server = await newServer();
    const first = await login(server, 'wmk-referat');
    expect((await api(server, '/login', first, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'wmk-referat', password: 'demo' }) })).status).toBe(200);
    expect((await api(server, '/session', first)).status).toBe(200);
  });

  it('does not trust Host for its own origin once PUBLIC_URL is configured', async () => {
    server = await newServer(undefined, 0, { publicUrl: 'https://vereinbar.example' });
    const cookie = await login(server, 'wmk-referat');
    // A request whose Host and Origin both name the attacker's site, as through a careless proxy.
    expect(await rawPost(server, '/api/logout', { host: 'evil.example', origin: 'http://evil.example', cookie })).toBe(403);
    expect((await api(server, '/session', cookie)).status).toBe(200);
    expect(await rawPost(server, '/api/logout', { origin: 'https://vereinbar.example', cookie })).toBe(200);
  });

  it('still takes its own Host as origin when nothing is configured', async () => {
    server = await newServer();
    const cookie = await login(server, 'wmk-referat');
    expect(await rawPost(server, '/api/logout', { origin: server.url, cookie })).toBe(200);
  });

  it('knows scans only by their decimal id: 0x1, 1e0 and 01 are no ids', async () => {
    server = await newServer();
    const landraetin = await login(server, 'wmk-landraetin');
    expect((await post(server, '/agreements/aqb-2025-werra-meissner-kreis/release', await login(server, 'hmsi-referat'))).status).toBe(200);
    const pdf = await pdfBytes(server, 'aqb-2025-werra-meissner-kreis', landraetin);
    const created = await api(server, '/agreements/aqb-2025-werra-meissner-kreis/scans?filename=scan.pdf', landraetin, {
      method: 'POST',
      headers: { 'content-type': 'application/pdf' },
      body: new Blob([new Uint8Array(pdf)]),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(id).toBe(1);
    expect((await api(server, '/agreements/aqb-2025-werra-meissner-kreis/scans/1', landraetin)).status).toBe(200);
    for (const alias of ['0x1', '1e0', '01', '1.0', '%201']) {
      const response = await api(server, `/agreements/aqb-2025-werra-meissner-kreis/scans/${alias}`, landraetin);
      expect(response.status, alias).toBe(404);
      expect(await response.json()).toEqual({ error: 'Diesen Scan gibt es nicht.' });
    }
  });
});
