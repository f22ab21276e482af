import { fail } from '../errors.js';
import type { Logger } from '../log.js';
import type { Store, StoredUser } from '../store/types.js';
import { AttemptLimit, type AttemptRate } from '../sync/attemptLimit.js';
import { PasswordAttempts } from './attempts.js';
import { HashingGate, type HashingLimits } from './hashingGate.js';
import { DUMMY_HASH_PROMISE, verifyPassword } from './password.js';

/**
 * Login attempts per client address, whatever the names: the lockout is per account, so without
 * this, made-up names would never be throttled. Generous, because an office may share one address.
 */
export const LOGIN_RATE: AttemptRate = { burst: 30, perMinute: 60 };

export interface CredentialOptions {
  attempts?: PasswordAttempts;
  hashing?: HashingLimits;
  loginRate?: AttemptRate;
}

/**
 * The one password check, for logging in and for the password that signing asks for again:
 * the address limit (login only), the per-account lockout with its reservation, the global cap on
 * concurrent hashing, and the dummy hash for unknown names (so that timing does not tell who exists).
 */
export class Credentials {
  readonly attempts: PasswordAttempts;
  private readonly hashing: HashingGate;
  private readonly perAddress: AttemptLimit;

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
    options: CredentialOptions = {},
  ) {
    this.attempts = options.attempts ?? new PasswordAttempts();
    this.hashing = new HashingGate(options.hashing);
    this.perAddress = new AttemptLimit(options.loginRate ?? LOGIN_RATE);
  }

  /** The user whose name and password these are; 401, or 429/503 while limited. */
  async login(username: string, password: string, address: string): Promise<StoredUser> {
    if (!this.perAddress.take(address)) {
      this.log.warn('login-throttled', { address });
      fail(429, 'Zu viele Anmeldeversuche von Ihrer Adresse. Bitte warten Sie eine Minute.', `too many login attempts from ${address}`);
    }
    const user = await this.check(username.trim(), password);
    if (!user) {
      this.log.warn('login-failed', { username: username.slice(0, 64) });
      fail(401, 'Benutzername oder Passwort ist falsch.', 'wrong username or password');
    }
    return user;
  }

  /** Whether `password` is the password of `username` (signing); 429/503 while limited. */
  async confirm(username: string, password: string): Promise<boolean> {
    return (await this.check(username, password)) !== null;
  }

  private async check(username: string, password: string): Promise<StoredUser | null> {
    // Reserved before anything asynchronous: see PasswordAttempts.
    const ticket = this.attempts.reserve(username.toLowerCase());
    try {
      const user = await this.store.getUser(username);
      const stored = user?.passwordHash ?? (await DUMMY_HASH_PROMISE);
      const ok = await this.hashing.run(() => verifyPassword(password, stored));
      if (user && ok) {
        ticket.succeeded();
        return user;
      }
      ticket.failed();
      return null;
    } finally {
      ticket.abandoned(); // a no-op once settled; frees the account when the check threw (503)
    }
  }
}
