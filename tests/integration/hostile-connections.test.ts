import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECT_RATE } from '../../server/sync/attemptLimit.js';
import { login, suiteServer, WMK } from './harness.js';
import { tryUpgrade } from './rawClient.js';

/** Before the upgrade: sessions that are not (or no longer) valid, unknown agreements, and floods of attempts. */
describe('connection attempts', () => {
  const suite = suiteServer({ ministry: 'hmsi-referat' });

  it('refuses an expired session with 401 before the upgrade, sending no byte of the document', async () => {
    const token = 'abgelaufen-0123456789';
    const db = new Database(join(suite.server.dataDir, 'vereinbar.sqlite'));
    try {
      db.prepare('INSERT INTO sessions (token_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
        createHash('sha256').update(token).digest('hex'),
        'wmk-referat',
        Date.now() - 2 * 60_000,
        Date.now() - 60_000,
      );
    } finally {
      db.close();
    }
    expect(await tryUpgrade(suite.server, WMK, { cookie: `vereinbar_session=${token}` })).toEqual({ upgraded: false, status: 401, messages: 0 });
  });

  it('refuses an agreement that does not exist with 404 before the upgrade', async () => {
    expect(await tryUpgrade(suite.server, 'aqb-1999-nirgendwo', { cookie: suite.cookies.ministry })).toEqual({ upgraded: false, status: 404, messages: 0 });
  });

  it('throttles more connection attempts than a browser makes with 429 before the upgrade, for that user only', async () => {
    const cookie = await login(suite.server, 'wmk-referat');
    const outcomes: number[] = [];
    // Bounded: the burst, then one more.
    for (let i = 0; i <= CONNECT_RATE.perUser.burst; i++) outcomes.push((await tryUpgrade(suite.server, WMK, { cookie })).status);
    expect(outcomes.slice(0, -1).every((status) => status === 101)).toBe(true);
    expect(outcomes.at(-1)).toBe(429);
    expect(await tryUpgrade(suite.server, WMK, { cookie })).toEqual({ upgraded: false, status: 429, messages: 0 });
    expect(suite.server.log.lines).toContainEqual(expect.objectContaining({ event: 'connection-throttled', details: expect.objectContaining({ user: 'wmk-referat' }) }));
    // Another user on the same address is not affected.
    expect(await tryUpgrade(suite.server, WMK, { cookie: suite.cookies.ministry })).toMatchObject({ upgraded: true });
  });
});
