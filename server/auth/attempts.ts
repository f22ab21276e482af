import { fail } from '../errors.js';

/** Wrong passwords one account may see in the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Slows down password guessing, for logging in and for re-entering the password when signing:
 * after MAX_FAILURES wrong passwords for one account within the window, further attempts get 429
 * until the oldest failure has left the window. Per app (one server), kept in memory.
 */
export class PasswordAttempts {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws 429 (German message) while the account is locked out. */
  assertAllowed(account: string): void {
    const recent = this.recent(account);
    if (recent.length >= MAX_FAILURES) {
      const minutes = Math.max(1, Math.ceil(((recent[0] ?? 0) + FAILURE_WINDOW_MS - this.now()) / 60_000));
      fail(429, `Zu viele falsche Passwörter. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`, `too many password failures for ${account}`);
    }
  }

  recordFailure(account: string): void {
    this.failures.set(account, [...this.recent(account), this.now()]);
  }

  succeeded(account: string): void {
    this.failures.delete(account);
  }

  private recent(account: string): number[] {
    const since = this.now() - FAILURE_WINDOW_MS;
    const recent = (this.failures.get(account) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.failures.delete(account);
    else this.failures.set(account, recent);
    return recent;
  }
}
