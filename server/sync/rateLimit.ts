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

  /** Takes `amount` tokens (one by default); false, taking nothing, when there are fewer. */
  take(amount = 1): boolean {
    this.refill();
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }

  /**
   * For a cost known only afterwards (server time): spends it even into debt. `hasCredit` then
   * refuses the next message until the debt is paid back by time.
   */
  spend(amount: number) {
    this.refill();
    this.tokens -= amount;
  }

  hasCredit(): boolean {
    this.refill();
    return this.tokens > 0;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }
}

/** Messages per second a connection may send on average, and at once. */
export const MESSAGE_RATE = { perSecond: 100, burst: 500 } as const;
