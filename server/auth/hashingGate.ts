import { failBusy } from '../errors.js';

/** Password hashes computed at once, and requests that may wait for a free slot. */
export interface HashingLimits {
  concurrent: number;
  queued: number;
}

/**
 * scrypt (N=2^17) costs about 128 MiB and a libuv worker thread for a few hundred milliseconds.
 * libuv has four such threads for everything (file reads of static files, DNS, zlib), so
 * unauthenticated logins with made-up names, each hashed against a dummy hash, could occupy all
 * of them: two hashes at a time leave the rest to everyone else. A short queue absorbs honest
 * bursts (a team logging in at nine); beyond it the answer is 503 with Retry-After, at once.
 */
export const HASHING_LIMITS: HashingLimits = { concurrent: 2, queued: 8 };
export const HASHING_RETRY_AFTER_SECONDS = 2;

export class HashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limits: HashingLimits = HASHING_LIMITS) {}

  /** Runs `hash` in a free slot; throws 503 (German message) when slots and queue are full. */
  async run<T>(hash: () => Promise<T>): Promise<T> {
    if (this.running >= this.limits.concurrent) {
      if (this.waiting.length >= this.limits.queued) {
        failBusy('Der Server ist gerade ausgelastet. Bitte versuchen Sie es in wenigen Sekunden erneut.', 'password hashing is at capacity', HASHING_RETRY_AFTER_SECONDS);
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await hash();
    } finally {
      // Hand the slot on directly, so that a newcomer cannot overtake someone queued.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
