import { describe, expect, it } from 'vitest';
import { Heartbeat, type Heartbeating } from '../../server/sync/heartbeat.js';

class Member implements Heartbeating {
  pings = 0;
  closedAfter: number | null = null;
  constructor(public lastSeen: number) {}
  ping() {
    this.pings++;
  }
  timedOut(silentForMs: number) {
    this.closedAfter = silentForMs;
  }
}

describe('the heartbeat', () => {
  it('pings who answered recently and closes who has been silent for the timeout', () => {
    let now = 100_000;
    const fresh = new Member(now - 29_999);
    const gone = new Member(now - 30_000);
    const heartbeat = new Heartbeat({ intervalMs: 10_000, timeoutMs: 30_000 }, () => [fresh, gone], () => now);
    heartbeat.beat();
    expect(fresh.pings).toBe(1);
    expect(fresh.closedAfter).toBeNull();
    expect(gone.pings).toBe(0);
    expect(gone.closedAfter).toBe(30_000);
    now += 1;
    heartbeat.beat();
    expect(fresh.closedAfter).toBe(30_000);
  });
});
