import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { memoryLogger } from '../../server/log.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import type { TemplateVersionSummary } from '../../shared/template/model.js';
import { agreementText, api, login } from './harness.js';
import { json, postJson, roundBody } from './roundsClient.js';

/** A production store (SEED=none): aqb-2024 is there from the migration, and a round can start with it at once. */
describe('a store started without the demo', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vereinbar-seed-none-'));
  let server: RunningServer;
  let cookie = '';

  beforeAll(async () => {
    const store = new SqliteStore(dataDir);
    await store.putUser({ username: 'referat', displayName: 'Referat', role: 'ministry-editor', districtId: null, color: '#000000', passwordHash: await hashPassword('geheim-genug-123'), createdAt: 1 });
    await store.close();
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir, seed: 'none', staticDir: null, log: memoryLogger() });
    cookie = await login(server, 'referat', 'geheim-genug-123');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('holds only aqb-2024, published, and starts a round with it at once', async () => {
    const list = await json<TemplateVersionSummary[]>(await api(server, '/templates', cookie));
    expect(list.map(({ version, state, usage }) => ({ version, state, usage }))).toEqual([{ version: 'aqb-2024', state: 'published', usage: 0 }]);
    expect((await postJson(server, '/rounds', cookie, roundBody(2026, ['fulda'], { carryOver: 'none' }))).status).toBe(201);
    const text = await agreementText(server, 'aqb-2026-fulda', cookie);
    expect(text).toContain('„Bündnis für Ausbildung für die Jahre 2020 bis 2024“');
    expect(text).toContain('und dem Landkreis Fulda');
  });
});
