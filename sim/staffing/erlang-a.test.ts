import { describe, expect, it } from 'vitest';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';

/**
 * Independent reference: the M/M/n+M birth–death chain solved state by state (rates kμ up to n,
 * then nμ + (k−n)θ), P(wait) = Σ_{k≥n} π_k, P(abandon) = θ·E[Q]/λ, E[W] = E[Q]/λ (Little);
 * Garnett, Mandelbaum & Reiman 2002, §2.
 */
function chain(lambda: number, aht: number, n: number, patience: number) {
  const p = [1];
  for (let k = 1; ; k++) {
    const rate = k <= n ? k / aht : n / aht + (k - n) / patience;
    const next = ((p[k - 1] as number) * lambda) / rate;
    p.push(next);
    if (k > n && next < 1e-300) break;
  }
  const total = p.reduce((s, v) => s + v, 0);
  let pWait = 0;
  let queue = 0;
  for (const [k, v] of p.entries()) {
    if (k >= n) pWait += v / total;
    if (k > n) queue += ((k - n) * v) / total;
  }
  return { pWait, pAbandon: queue / patience / lambda, meanWait: queue / lambda };
}

const cases = [
  { name: '10 E on 14 agents, patience 300 s', lambda: 100 / 1800, aht: 180, n: 14, patience: 300 },
  {
    name: '10 E on 8 agents (overloaded), patience 120 s',
    lambda: 100 / 1800,
    aht: 180,
    n: 8,
    patience: 120,
  },
  { name: '480 E on 400 agents, patience 60 s', lambda: 2, aht: 240, n: 400, patience: 60 },
];

describe('erlangA against the birth–death chain', () => {
  for (const c of cases) {
    it(c.name, () => {
      const ref = chain(c.lambda, c.aht, c.n, c.patience);
      const m = erlangA({
        arrivalRatePerSec: c.lambda,
        ahtSec: c.aht,
        servers: c.n,
        patienceSec: c.patience,
        targetSeconds: 20,
      });
      expect(m.pWait).toBeCloseTo(ref.pWait, 12);
      expect(m.pAbandon).toBeCloseTo(ref.pAbandon, 12);
      expect(m.meanWaitSeconds).toBeCloseTo(ref.meanWait, 9);
    });
  }
});

describe('erlangA figures', () => {
  const base = {
    arrivalRatePerSec: 100 / 1800,
    ahtSec: 180,
    servers: 14,
    targetSeconds: 20,
    patienceSec: 300,
  };

  it('gives these four service levels for 10 E, 14 agents, patience 300 s, T = 20 s', () => {
    const m = erlangA(base);
    expect(m.pWait).toBeCloseTo(0.1452601142963612, 13);
    expect(m.pAbandon).toBeCloseTo(0.013983744122409, 13);
    expect(m.serviceLevels['answered-of-offered']).toBeCloseTo(0.9167920918635, 11);
    expect(m.serviceLevels['answered-of-answered']).toBeCloseTo(0.9297940945685, 11);
    expect(m.serviceLevels['wait-within-T']).toBeCloseTo(0.9239560272747, 11);
    expect(m.serviceLevels['answered-of-offered-less-short-abandons']).toBeCloseTo(0.9234073222786, 11);
    expect(m.serviceLevel).toBe(m.serviceLevels['answered-of-offered']);
    expect(m.asaSeconds).toBeCloseTo(3.8784800445, 9);
    expect(m.occupancy).toBeCloseTo((10 * (1 - m.pAbandon)) / 14, 14);
  });

  it('reports the chosen definition as serviceLevel', () => {
    const m = erlangA({ ...base, serviceLevelDefinition: 'wait-within-T' });
    expect(m.serviceLevel).toBe(m.serviceLevels['wait-within-T']);
  });

  it('at T = 0 answers within T exactly those who do not wait, and no one abandons within T', () => {
    const m = erlangA({ ...base, targetSeconds: 0 });
    expect(m.serviceLevels['answered-of-offered']).toBeCloseTo(1 - m.pWait, 14);
    expect(m.serviceLevels['wait-within-T']).toBeCloseTo(1 - m.pWait, 14);
  });

  it('as T grows, answered within T tends to all answered, 1 − P(abandon)', () => {
    const m = erlangA({ ...base, servers: 9, targetSeconds: 20_000 });
    expect(m.serviceLevels['answered-of-offered']).toBeCloseTo(1 - m.pAbandon, 12);
    expect(m.serviceLevels['wait-within-T']).toBeCloseTo(1, 12);
  });

  it('tends to Erlang C as patience grows (θ → 0 in Mandelbaum & Zeltyn 2007)', () => {
    const c = erlangC(base);
    const a = erlangA({ ...base, patienceSec: 1e8 });
    expect(a.pWait).toBeCloseTo(c.pWait, 6);
    expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 6);
    expect(a.asaSeconds).toBeCloseTo(c.asaSeconds, 4);
  });

  it('stays finite at 5,000 agents and 4,800 erlangs, and overloaded at 4,000 agents', () => {
    const big = {
      arrivalRatePerSec: 4800 / 180,
      ahtSec: 180,
      servers: 5000,
      targetSeconds: 20,
      patienceSec: 300,
    };
    const m = erlangA(big);
    expect(m.pWait).toBeCloseTo(0.00217492615276, 12);
    expect(m.pAbandon).toBeCloseTo(0.0000058002195767, 14);
    const over = erlangA({ ...big, servers: 4000 });
    // Fluid limit: carried ≤ 4000 of 4800 E, so about 1/6 abandon, mean wait ≈ patience/6.
    expect(over.pAbandon).toBeCloseTo(1 / 6, 12);
    expect(over.meanWaitSeconds).toBeCloseTo(50, 9);
    for (const v of [...Object.values(m), ...Object.values(over)])
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  });

  it('with no agents everyone waits and abandons', () => {
    const m = erlangA({ ...base, servers: 0 });
    expect([m.pWait, m.pAbandon, m.serviceLevel, m.meanWaitSeconds]).toEqual([1, 1, 0, 300]);
    expect(m.serviceLevels['wait-within-T']).toBeCloseTo(1 - Math.exp(-20 / 300), 15);
  });

  it('rejects a non-positive patience', () => {
    expect(() => erlangA({ ...base, patienceSec: 0 })).toThrow(
      'patienceSec must be a finite number > 0, got 0',
    );
  });
});
