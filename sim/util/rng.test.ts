import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('createRng', () => {
  it('is reproducible from its seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });

  it('forks stable, independent streams', () => {
    expect(createRng(7).fork('customers').next()).toBe(createRng(7).fork('customers').next());
    expect(createRng(7).fork('customers').next()).not.toBe(createRng(7).fork('arrivals').next());
  });

  it('draws uniform values in [0,1) with mean 1/2 and exponentials with the given mean', () => {
    const rng = createRng(1);
    let sum = 0;
    let sumExp = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
      sumExp += rng.exponential(3);
    }
    // 5 standard errors: sd(U)=0.2887, sd(Exp(3))=3
    expect(Math.abs(sum / n - 0.5)).toBeLessThan((5 * 0.2887) / Math.sqrt(n));
    expect(Math.abs(sumExp / n - 3)).toBeLessThan((5 * 3) / Math.sqrt(n));
  });

  it('rejects pick() on an empty array', () => {
    expect(() => createRng(1).pick([])).toThrow('pick() needs a non-empty array');
  });
});
