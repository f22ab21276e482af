import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/sync/rateLimit.js';

describe('message rate limit', () => {
  it('allows a burst, refuses beyond it and refills over time', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 20, () => now);
    for (let i = 0; i < 20; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 500;
    for (let i = 0; i < 5; i++) expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
