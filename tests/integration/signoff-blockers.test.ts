import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { memoryLogger } from '../../server/log.js';
import { seedDemo } from '../../server/seed/demo.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { FULDA, WMK } from './harness.js';

/** The release's blockers are pluggable: the comments feature reports its open threads through one function. */
describe('release blockers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-blockers-'));
  const store = new SqliteStore(dataDir);
  const { app } = createApp({ store, log: memoryLogger(), staticDir: null, openThreadCount: async (id) => (id === WMK ? 2 : 0) });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a release while the comments feature reports open threads, and allows it where there are none', async () => {
    await seedDemo(store, createApp({ store, log: memoryLogger(), staticDir: null }), 'demo', memoryLogger());
    const login = await app.request('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hmsi-referat', password: 'demo' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const release = (id: string) => app.request(`/api/agreements/${id}/release`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: '{}' });

    const refused = await release(WMK);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: '2 Kommentare sind noch offen. Bitte klären Sie sie, bevor Sie freigeben.' });
    expect((await release(FULDA)).status).toBe(200);
  });
});
