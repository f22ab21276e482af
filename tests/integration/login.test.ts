import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES } from '../../server/auth/attempts.js';
import { newServer, type TestServer } from './harness.js';

const attempt = (server: TestServer, username: string, password: string) =>
  fetch(`${server.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

describe('logging in', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await newServer();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('refuses password guessing: after too many wrong passwords even the right one waits, other accounts do not', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      const wrong = await attempt(server, 'wmk-referat', `falsch-${i}`);
      expect(wrong.status).toBe(401);
      expect(await wrong.json()).toEqual({ error: 'Benutzername oder Passwort ist falsch.' });
    }
    const locked = await attempt(server, 'wmk-referat', 'demo');
    expect(locked.status).toBe(429);
    expect(((await locked.json()) as { error: string }).error).toMatch(/^Zu viele falsche Passwörter\. Bitte versuchen Sie es in \d+ Minuten erneut\.$/);
    expect(locked.headers.get('set-cookie')).toBeNull();
    expect((await attempt(server, 'hmsi-referat', 'demo')).status).toBe(200);
  });
});
