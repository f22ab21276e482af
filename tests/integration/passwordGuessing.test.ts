import { afterEach, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../server/auth/attempts.js';
import { api, login, newServer, type TestServer } from './harness.js';
import { detail, post } from './signoffTools.js';

const attempt = (server: TestServer, username: string, password: string, cookie: string | null = null) =>
  api(server, '/login', cookie, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

/** Issue 9, point 2: the lockout holds when the guesses arrive at the same time. */
describe('password guessing in parallel', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.dispose();
    server = null;
  });

  it('refuses the right password among 30 parallel logins (29 wrong ones first) with 429, and keeps the account locked', async () => {
    // The per-address limit would refuse some of these on its own; this test is about the account.
    server = await newServer(undefined, 0, { credentials: { loginRate: { burst: 1000, perMinute: 1000 } } });
    const running = server;
    const guesses = Array.from({ length: 30 }, (_, i) => (i === 29 ? 'demo' : `falsch-${i}`));
    const answers = await Promise.all(guesses.map((password) => attempt(running, 'wmk-referat', password)));
    const statuses = answers.map((response) => response.status);
    expect(statuses[29]).toBe(429);
    expect(statuses.filter((status) => status === 200)).toEqual([]);
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(MAX_FAILURES);
    expect(answers.every((response) => response.headers.get('set-cookie') === null)).toBe(true);
    // One after another, the guesses reach the lockout; the right password then waits as well.
    for (let i = 0; i < MAX_FAILURES; i++) await attempt(running, 'wmk-referat', `noch-falsch-${i}`);
    expect((await attempt(running, 'wmk-referat', 'demo')).status).toBe(429);
    expect((await attempt(running, 'hmsi-referat', 'demo')).status).toBe(200);
  });

  it('refuses the right password among parallel signing attempts of a stolen session, and never signs', async () => {
    server = await newServer();
    const running = server;
    const [ministry, minister] = [await login(running, 'hmsi-referat'), await login(running, 'hmsi-ministerin')];
    expect((await post(running, '/agreements/aqb-2024-fulda/release', ministry)).status).toBe(200);
    const { release } = await detail(running, 'aqb-2024-fulda', minister);
    const hash = release?.hash ?? '';
    const guesses = Array.from({ length: 20 }, (_, i) => (i === 19 ? 'demo' : `falsch-${i}`));
    const answers = await Promise.all(guesses.map((password) => post(running, '/agreements/aqb-2024-fulda/sign', minister, { hash, place: 'Wiesbaden', password })));
    const statuses = answers.map((response) => response.status);
    expect(statuses[19]).toBe(429);
    expect(statuses.filter((status) => status === 200)).toEqual([]);
    expect((await detail(running, 'aqb-2024-fulda', minister)).signatures).toEqual([]);
  });
});
