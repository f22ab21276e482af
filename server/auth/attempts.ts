import { fail } from '../errors.js';

/** Wrong passwords one account may see in the window before further attempts are refused. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/** One password check in progress for an account; settle it exactly once. */
export interface AttemptTicket {
  failed(): void;
  succeeded(): void;
  /** The check did not happen (the hashing was full, the store failed): counts as nothing. */
  abandoned(): void;
}

/**
 * Slows down password guessing, for logging in and for re-entering the password when signing:
 * after MAX_FAILURES wrong passwords for one account within the window, further attempts get 429
 * until the oldest failure has left the window. Per app (one server), kept in memory.
 *
 * The attempt is reserved before the (asynchronous) hashing and only one check per account runs
 * at a time: counted after the hash, 30 parallel guesses would all pass the check before the first
 * failure was recorded, and the right password among them would reset the counter.
 */
export class PasswordAttempts {
  private readonly failures = new Map<string, number[]>();
  private readonly busy = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws 429 (German message) while the account is locked out. */
  assertAllowed(account: string): void {
    const recent = this.recent(account);
    if (recent.length >= MAX_FAILURES) {
      const minutes = Math.max(1, Math.ceil(((recent[0] ?? 0) + FAILURE_WINDOW_MS - this.now()) / 60_000));
      fail(429, `Zu viele falsche Passwörter. Bitte versuchen Sie es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} erneut.`, `too many password failures for ${account}`);
    }
  }

  /** Reserves the one check `account` may have running; 429 while locked out or while another runs. */
  reserve(account: string): AttemptTicket {
    this.assertAllowed(account);
    if (this.busy.has(account)) {
      fail(429, 'Für dieses Konto wird gerade ein Passwort geprüft. Bitte versuchen Sie es gleich noch einmal.', `parallel password check for ${account}`);
    }
    this.busy.add(account);
    let settled = false;
    const settle = (outcome: () => void) => () => {
      if (settled) return;
      settled = true;
      this.busy.delete(account);
      outcome();
    };
    return {
      failed: settle(() => this.recordFailure(account)),
      succeeded: settle(() => this.succeeded(account)),
      abandoned: settle(() => undefined),
    };
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
