import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/password.js';
import { startServer, type RunningServer } from '../../server/start.js';
import { SqliteStore } from '../../server/store/sqlite.js';
import { launchChromium } from './browser.js';
import { openAgreement, signIn, WMK, type E2E } from './harness.js';

const quietLog = { info: () => undefined, warn: () => undefined, error: (event: string, data: unknown) => console.error(event, data) };

/**
 * A deputy signs for the district: the editor's signature block names who signed, „In Vertretung"
 * above the name, not only the Landrätin the template names. The deputy is an extra account, so
 * this file starts its own server on a store prepared as `npm run user` would.
 */
describe('a signature by a deputy in the editor', () => {
  let dataDir = '';
  let server: RunningServer;
  let browser: Browser;
  let e2e: E2E;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'vereinbar-deputy-'));
    const launch = () => startServer({ port: 0, host: '127.0.0.1', dataDir, seed: 'demo', staticDir: 'dist/client', log: quietLog });
    await (await launch()).close();
    const store = new SqliteStore(dataDir);
    const passwordHash = await hashPassword('demo');
    await store.putUser({ username: 'wmk-vertretung', displayName: 'Karl Vertreter', role: 'district-signatory', districtId: 'werra-meissner-kreis', color: '#334155', passwordHash, createdAt: Date.now() });
    await store.close();
    server = await launch();
    browser = await launchChromium();
    e2e = { server, browser, stopServer: () => server.close(), startServer: async () => undefined, close: async () => undefined };
  });
  afterAll(async () => {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('shows „In Vertretung" and the deputy’s name in the district’s block (test-results/deputy-signature.png)', async () => {
    const ministry = await signIn(e2e, 'hmsi-referat');
    expect((await ministry.page.request.post(`/api/agreements/${WMK}/release`, { data: {} })).status()).toBe(200);
    const deputy = await signIn(e2e, 'wmk-vertretung');
    const detail: unknown = await (await deputy.page.request.get(`/api/agreements/${WMK}`)).json();
    const hash = typeof detail === 'object' && detail !== null && 'release' in detail && typeof detail.release === 'object' && detail.release !== null && 'hash' in detail.release ? detail.release.hash : null;
    expect(typeof hash).toBe('string');
    expect((await deputy.page.request.post(`/api/agreements/${WMK}/sign`, { data: { hash, place: 'Eschwege', password: 'demo' } })).status()).toBe(200);

    await openAgreement(ministry.page);
    const district = ministry.page.getByRole('group', { name: 'Zeichnung des Kreises oder der Stadt' });
    await expect.poll(() => district.locator('.signatory-line').allInnerTexts()).toEqual(['In Vertretung', 'Karl Vertreter', 'Landrätin des Landkreises', 'Werra-Meißner-Kreis']);
    // The ministry has not signed: its block still names its own signatory.
    expect((await ministry.page.getByRole('group', { name: 'Zeichnung des Ministeriums' }).locator('.signatory-line').allInnerTexts())[0]).toBe('Heike Hofmann');
    await mkdir('test-results', { recursive: true });
    await ministry.page.locator('.signatures').screenshot({ path: 'test-results/deputy-signature.png' });
    expect([...ministry.errors, ...deputy.errors]).toEqual([]);
  });
});
