import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { FAILURE_WINDOW_MS, MAX_FAILURES, PasswordAttempts } from '../../server/auth/attempts.js';
import { HashingGate } from '../../server/auth/hashingGate.js';

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

describe('reserving a password check', () => {
  it('lets one check per account run at a time and counts its failure before the next may start', () => {
    const attempts = new PasswordAttempts(() => 0);
    const first = attempts.reserve('wmk-referat');
    expect(() => attempts.reserve('wmk-referat')).toThrow(/gerade ein Passwort geprüft/);
    expect(() => attempts.reserve('hmsi-referat').succeeded()).not.toThrow();
    first.failed();
    first.succeeded(); // settled once: the failure stands
    for (let i = 1; i < MAX_FAILURES; i++) attempts.reserve('wmk-referat').failed();
    expect(() => attempts.reserve('wmk-referat')).toThrow(/Zu viele falsche Passwörter/);
  });

  it('frees the account without counting when the check did not happen', () => {
    const attempts = new PasswordAttempts(() => 0);
    attempts.reserve('a').abandoned();
    for (let i = 0; i < MAX_FAILURES - 1; i++) attempts.reserve('a').failed();
    expect(refusal(attempts, 'a')).toBeNull();
  });
});

describe('the cap on concurrent password hashing', () => {
  it('runs at most `concurrent` hashes, queues a few, answers 503 beyond and hands slots on in order', async () => {
    const gate = new HashingGate({ concurrent: 2, queued: 1 });
    const releases: (() => void)[] = [];
    const order: number[] = [];
    const job = (n: number) => () =>
      new Promise<number>((resolve) => {
        order.push(n);
        releases.push(() => resolve(n));
      });
    const running = [gate.run(job(1)), gate.run(job(2)), gate.run(job(3))];
    await expect(gate.run(job(4))).rejects.toMatchObject({ status: 503 });
    expect(order).toEqual([1, 2]);
    releases[0]?.();
    await vi.waitFor(() => expect(order).toEqual([1, 2, 3]));
    releases[1]?.();
    releases[2]?.();
    expect(await Promise.all(running)).toEqual([1, 2, 3]);
    await expect(gate.run(async () => 5)).resolves.toBe(5);
  });
});
