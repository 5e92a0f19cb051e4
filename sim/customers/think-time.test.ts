import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import { lognormalMs } from './think-time.ts';

function quantile(sorted: number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
}

describe('lognormalMs', () => {
  it('hits the stated median and 90th percentile, in ms', () => {
    const sample = lognormalMs(10, 35);
    const rng = createRng(2026);
    const xs = Array.from({ length: 40_000 }, () => sample(rng)).sort((a, b) => a - b);
    // Sampling error of a quantile over 40k draws is well under 2% here.
    expect(quantile(xs, 0.5)).toBeGreaterThan(9_800);
    expect(quantile(xs, 0.5)).toBeLessThan(10_200);
    expect(quantile(xs, 0.9)).toBeGreaterThan(34_000);
    expect(quantile(xs, 0.9)).toBeLessThan(36_000);
    expect(xs[0]).toBeGreaterThan(0);
  });

  it('is constant when the 90th percentile equals the median', () => {
    const sample = lognormalMs(4, 4);
    const rng = createRng(1);
    expect([sample(rng), sample(rng), sample(rng)]).toEqual([4000, 4000, 4000]);
  });

  it('rejects a 90th percentile below the median, and a non-positive median', () => {
    expect(() => lognormalMs(10, 5)).toThrow(
      'behaviour.thinkTimeP90Sec must be >= thinkTimeMedianSec (10), got 5',
    );
    expect(() => lognormalMs(0, 5)).toThrow('behaviour.thinkTimeMedianSec must be > 0, got 0');
  });
});
