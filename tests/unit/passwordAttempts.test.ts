import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { FAILURE_WINDOW_MS, MAX_FAILURES, PasswordAttempts } from '../../server/auth/attempts.js';

function refusal(attempts: PasswordAttempts, account: string): HTTPException | null {
  try {
    attempts.assertAllowed(account);
    return null;
  } catch (error: unknown) {
    if (error instanceof HTTPException) return error;
    throw error;
  }
}

describe('password attempts', () => {
  it('refuses an account after too many wrong passwords, in German, and lets it try again later', () => {
    let now = 0;
    const attempts = new PasswordAttempts(() => now);
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(refusal(attempts, 'wmk-referat')).toBeNull();
      attempts.recordFailure('wmk-referat');
    }
    const refused = refusal(attempts, 'wmk-referat');
    expect(refused?.status).toBe(429);
    expect(refused?.message).toBe('Zu viele falsche Passwörter. Bitte versuchen Sie es in 15 Minuten erneut.');
    expect(refusal(attempts, 'hmsi-referat')).toBeNull();
    now += FAILURE_WINDOW_MS + 1;
    expect(refusal(attempts, 'wmk-referat')).toBeNull();
  });

  it('forgets the failures after a correct password', () => {
    const attempts = new PasswordAttempts(() => 0);
    for (let i = 0; i < MAX_FAILURES - 1; i++) attempts.recordFailure('a');
    attempts.succeeded('a');
    attempts.recordFailure('a');
    expect(refusal(attempts, 'a')).toBeNull();
  });
});
