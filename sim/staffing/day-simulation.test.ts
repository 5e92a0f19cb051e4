import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import type { Estimate } from './agent-pool-sim.ts';
import { simulateDay } from './day-simulation.ts';
import { evaluateAgents } from './solve-agents.ts';

// 99% intervals over 10 replications: t₉ 0.995 = 3.250 vs 0.975 = 2.262 (Student-t tables).
const WIDEN = 3.25 / 2.262;
const covers = (e: Estimate, exact: number): boolean => Math.abs(e.mean - exact) <= e.halfWidth * WIDEN;

const rate = 50 / 180;
const steady = { arrivalRatePerSec: rate, agents: 56 };

describe('simulateDay', () => {
  it('with a constant load every interval matches the steady-state Erlang C figures', () => {
    const exact = evaluateAgents(
      { arrivalRatePerSec: rate, ahtSec: 180, target: { percent: 80, seconds: 20 } },
      56,
    );
    const day = simulateDay({
      ahtSec: 180,
      intervals: Array.from({ length: 8 }, () => steady),
      intervalSec: 1800,
      targetSeconds: 20,
      rng: createRng(11),
    });
    expect(covers(day.day.serviceLevel, exact.serviceLevel)).toBe(true);
    expect(covers(day.day.occupancy, exact.occupancy)).toBe(true);
    expect(covers(day.day.asaSeconds, exact.asaSeconds)).toBe(true);
    expect(day.intervals.map((iv) => Math.round(iv.offered / 100))).toEqual([5, 5, 5, 5, 5, 5, 5, 5]);
    expect(day.accounting.every((a) => a.offered === a.answered && a.abandoned === 0)).toBe(true);
  });

  it('carries a doubled interval’s backlog into the next one, below what per-interval Erlang A says', () => {
    const input = {
      arrivalRatePerSec: rate,
      ahtSec: 180,
      patienceSec: 300,
      target: { percent: 80, seconds: 20 },
    };
    const after = evaluateAgents(input, 56).serviceLevel;
    const day = simulateDay({
      ahtSec: 180,
      patienceSec: 300,
      intervals: [steady, { arrivalRatePerSec: rate * 2, agents: 56 }, steady],
      intervalSec: 1800,
      targetSeconds: 20,
      rng: createRng(12),
    });
    const [before, spike, next] = day.intervals;
    expect(covers(before?.serviceLevel as Estimate, after)).toBe(true);
    expect((spike?.serviceLevel.mean ?? 1) + (spike?.serviceLevel.halfWidth ?? 0)).toBeLessThan(0.3);
    expect((next?.serviceLevel.mean ?? 1) + (next?.serviceLevel.halfWidth ?? 0)).toBeLessThan(after);
  });

  it('accounts for every chat when staff leaves: offered = answered + abandoned in each replication', () => {
    const day = simulateDay({
      ahtByConcurrency: [180, 210, 260],
      patienceSec: 300,
      intervals: [
        { arrivalRatePerSec: rate, agents: 20 },
        { arrivalRatePerSec: rate, agents: 5 },
        { arrivalRatePerSec: rate, agents: 0 },
      ],
      intervalSec: 1800,
      targetSeconds: 20,
      replications: 4,
      rng: createRng(13),
    });
    for (const a of day.accounting) expect(a.answered + a.abandoned).toBe(a.offered);
    expect(day.intervals[2]?.pAbandon).toEqual({ mean: 1, halfWidth: 0 });
    expect(day.intervals[2]?.occupancy.mean).toBeNaN();
  });

  it('is reproducible from its seed and checks its inputs', () => {
    const run = () =>
      simulateDay({
        ahtSec: 180,
        intervals: [steady],
        intervalSec: 600,
        targetSeconds: 20,
        replications: 3,
        rng: createRng(5),
      });
    expect(run()).toEqual(run());
    expect(() =>
      simulateDay({
        ahtSec: 180,
        intervals: [{ arrivalRatePerSec: 1, agents: 1.5 }],
        intervalSec: 600,
        targetSeconds: 20,
        rng: createRng(5),
      }),
    ).toThrow('intervals[0].agents must be an integer >= 0, got 1.5');
  });
});
