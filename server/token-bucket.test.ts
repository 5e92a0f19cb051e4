import { describe, expect, it } from 'vitest';
import { createBucket, takeToken } from './token-bucket.ts';

describe('token bucket', () => {
  it('allows a burst, then refills at the rate', () => {
    const bucket = createBucket(3, 0);
    expect([1, 2, 3, 4].map(() => takeToken(bucket, 10, 3, 0))).toEqual([true, true, true, false]);
    expect(takeToken(bucket, 10, 3, 99)).toBe(false); // 0.99 token: one tick before the boundary
    expect(takeToken(bucket, 10, 3, 100)).toBe(true);
    expect(takeToken(bucket, 10, 3, 100)).toBe(false);
  });

  it('never holds more than the burst', () => {
    const bucket = createBucket(2, 0);
    takeToken(bucket, 10, 2, 0);
    takeToken(bucket, 10, 2, 0);
    expect(takeToken(bucket, 10, 2, 60_000)).toBe(true);
    expect(takeToken(bucket, 10, 2, 60_000)).toBe(true);
    expect(takeToken(bucket, 10, 2, 60_000)).toBe(false);
  });
});
