import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASHING_RETRY_AFTER_SECONDS } from '../../server/auth/hashingGate.js';
import { newServer, staticFolder, type TestServer } from './harness.js';

const CSS = 'body { color: #1f3f77; }\n'.repeat(200);

/** How long a request takes, in milliseconds, and its status. */
async function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/**
 * Issue 9, point 3: logins with made-up names cost a scrypt each and are never locked out per
 * account. The address limit and the cap on concurrent hashing keep the thread pool free, so that
 * static files and the API keep answering while the flood lasts.
 */
describe('a flood of logins with unknown names', () => {
  let server: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = staticFolder({ 'assets/app.css': CSS, 'index.html': '<!doctype html><title>vereinbar</title>' });
    server = await newServer(undefined, 0, { staticDir });
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('answers some of 40 parallel logins with 503 and Retry-After, while a static file and /api/session stay fast', async () => {
    const logins = Array.from({ length: 40 }, (_, i) =>
      fetch(`${server.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: `unbekannt-${i}-${Math.random().toString(36).slice(2)}`, password: 'geraten' }),
      }),
    );
    // Asked while the logins are being hashed: neither may wait for them.
    const [css, session] = await Promise.all([timed(`${server.url}/assets/app.css`), timed(`${server.url}/api/session`)]);
    const answers = await Promise.all(logins);
    const statuses = answers.map((response) => response.status);

    expect(css.status).toBe(200);
    expect(session.status).toBe(401);
    // Generous bounds for a loaded machine; without the cap the CSS file waited for all 40 hashes.
    expect(css.ms).toBeLessThan(1500);
    expect(session.ms).toBeLessThan(1500);

    const full = answers.filter((response) => response.status === 503);
    expect(full.length).toBeGreaterThan(0);
    for (const response of full) {
      expect(response.headers.get('retry-after')).toBe(String(HASHING_RETRY_AFTER_SECONDS));
      expect(await response.json()).toEqual({ error: 'Der Server ist gerade ausgelastet. Bitte versuchen Sie es in wenigen Sekunden erneut.' });
    }
    expect(statuses.every((status) => status === 401 || status === 429 || status === 503)).toBe(true);
  });

  it('limits login attempts per address: once the budget is spent, even a right password waits with 429', async () => {
    // A small budget, so that the test does not race the refill against scrypt's own pace.
    const small = await newServer(undefined, 0, { credentials: { loginRate: { burst: 3, perMinute: 3 } } });
    try {
      const login = (username: string, password: string) =>
        fetch(`${small.url}/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
      for (let i = 0; i < 3; i++) expect((await login(`niemand-${i}`, 'x')).status).toBe(401);
      const right = await login('hmsi-referat', 'demo');
      expect(right.status).toBe(429);
      expect(await right.json()).toEqual({ error: 'Zu viele Anmeldeversuche von Ihrer Adresse. Bitte warten Sie eine Minute.' });
    } finally {
      await small.dispose();
    }
  });
});
