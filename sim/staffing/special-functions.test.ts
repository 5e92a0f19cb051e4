import { describe, expect, it } from 'vitest';
import { digamma, logGamma, logRegularizedLowerGamma } from './special-functions.ts';

describe('logGamma', () => {
  it('matches closed forms: Γ(1/2) = √π, Γ(10) = 9!, Γ(1) = 1', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
  });

  it('keeps the recurrence ln Γ(z+1) = ln Γ(z) + ln z at large z', () => {
    expect(logGamma(8334) - logGamma(8333)).toBeCloseTo(Math.log(8333), 9);
  });

  it('rejects z <= 0', () => {
    expect(() => logGamma(0)).toThrow('logGamma needs z > 0, got 0');
  });
});

describe('digamma', () => {
  it('ψ(1) = −γ (Euler–Mascheroni) and ψ(1/2) = −γ − 2 ln 2', () => {
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 13);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 13);
  });

  it('ψ(z+1) − ψ(z) = 1/z', () => {
    expect(digamma(3.7) - digamma(2.7)).toBeCloseTo(1 / 2.7, 14);
  });
});

describe('logRegularizedLowerGamma', () => {
  it('P(1, z) = 1 − e^{−z} on both branches', () => {
    expect(Math.exp(logRegularizedLowerGamma(1, 0.5))).toBeCloseTo(1 - Math.exp(-0.5), 15);
    expect(Math.exp(logRegularizedLowerGamma(1, 7))).toBeCloseTo(1 - Math.exp(-7), 15);
  });

  it('P(1/2, z) = erf(√z): erf(1) = 0.8427007929497149', () => {
    expect(Math.exp(logRegularizedLowerGamma(0.5, 1))).toBeCloseTo(0.8427007929497149, 14);
  });

  it('P(n, z) = 1 − e^{−z} Σ_{k<n} z^k/k! (Poisson tail) for n = 40 around z = n', () => {
    for (const z of [25, 39, 40, 41, 60]) {
      let term = 1;
      let sum = 1;
      for (let k = 1; k < 40; k++) {
        term *= z / k;
        sum += term;
      }
      const expected = 1 - Math.exp(-z) * sum;
      expect(Math.exp(logRegularizedLowerGamma(40, z)) / expected).toBeCloseTo(1, 11);
    }
  });

  it('stays finite in log space where P underflows: z^a e^{−z}/Γ(a+1)·(1 + z/(a+1) + …)', () => {
    const series = Math.log1p(10 / 8001 + 100 / (8001 * 8002) + 1000 / (8001 * 8002 * 8003));
    expect(logRegularizedLowerGamma(8000, 10)).toBeCloseTo(
      8000 * Math.log(10) - 10 - logGamma(8001) + series,
      7,
    );
  });

  it('returns −∞ at z = 0', () => {
    expect(logRegularizedLowerGamma(3, 0)).toBe(Number.NEGATIVE_INFINITY);
  });
});
