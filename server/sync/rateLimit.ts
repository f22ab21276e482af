/**
 * A token bucket per connection: a person typing fast, with cursor moves, sends a few dozen
 * messages a second; a reconnect burst sends a handful at once. Far more is a script.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Messages per second a connection may send on average, and at once. */
export const MESSAGE_RATE = { perSecond: 100, burst: 500 } as const;
