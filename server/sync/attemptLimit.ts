import { TokenBucket } from './rateLimit.js';

/** How many attempts a key may make at once, and how many a minute on average. */
export interface AttemptRate {
  burst: number;
  perMinute: number;
}

/**
 * Token buckets by key (a user, an address), for connection attempts: a browser reconnects with
 * a backoff of up to a few seconds, a few tabs a person has open make a handful; a script that
 * opens sockets in a loop is stopped before each one costs a session lookup and a document load.
 * Buckets that have refilled are forgotten, so the map stays as small as the set of busy keys.
 */
export class AttemptLimit {
  private readonly buckets = new Map<string, { bucket: TokenBucket; last: number }>();

  constructor(
    private readonly rate: AttemptRate,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `amount` attempts (one by default) for `key`; false, taking none, when it has fewer left. */
  take(key: string, amount = 1): boolean {
    const now = this.now();
    if (this.buckets.size > 10_000) this.forgetIdle(now);
    let entry = this.buckets.get(key);
    if (!entry) {
      entry = { bucket: new TokenBucket(this.rate.perMinute / 60, this.rate.burst, this.now), last: now };
      this.buckets.set(key, entry);
    }
    entry.last = now;
    return entry.bucket.take(amount);
  }

  private forgetIdle(now: number) {
    const refillMs = (this.rate.burst / this.rate.perMinute) * 60_000;
    for (const [key, entry] of this.buckets) if (now - entry.last > refillMs) this.buckets.delete(key);
  }
}

/** Connection attempts per user, and per address (generous: an office may share one behind NAT). */
export const CONNECT_RATE = {
  perUser: { burst: 60, perMinute: 120 },
  perAddress: { burst: 300, perMinute: 600 },
} as const satisfies Record<string, AttemptRate>;
