import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import { type Estimate, simulatePool, tQuantile975 } from './agent-pool-sim.ts';
import { evaluateAgents } from './solve-agents.ts';

// The simulation reports 95% batch-means intervals (20 batches); the checks below use the 99%
// interval (t₁₉ 0.995 = 2.861 vs 0.975 = 2.093, Student-t tables) so several metrics per case
// can be checked at once without a 1-in-20 miss per metric.
const WIDEN = 2.861 / 2.093;

function expectCovers(e: Estimate, exact: number): void {
  expect(Math.abs(e.mean - exact)).toBeLessThanOrEqual(e.halfWidth * WIDEN);
}

const seed = 20261111;

describe('tQuantile975', () => {
  it('matches Student-t tables: ν=19 → 2.093, ν=9 → 2.262, ν=60 → 2.000', () => {
    expect(tQuantile975(19)).toBeCloseTo(2.093, 3);
    expect(tQuantile975(9)).toBeCloseTo(2.262, 2);
    expect(tQuantile975(60)).toBeCloseTo(2.0, 3);
  });
});

describe('simulatePool agrees with the formulas', () => {
  it('Erlang C: 10 E on 14 agents, T = 20 s', () => {
    const input = { arrivalRatePerSec: 100 / 1800, ahtSec: 180, target: { percent: 80, seconds: 20 } };
    const exact = evaluateAgents(input, 14);
    const sim = simulatePool({ ...input, agents: 14, targetSeconds: 20, rng: createRng(seed) });
    expect(sim.chats).toBe(200_000);
    expectCovers(sim.pWait, exact.pWait);
    expectCovers(sim.serviceLevel, exact.serviceLevel);
    expectCovers(sim.asaSeconds, exact.asaSeconds);
    expectCovers(sim.occupancy, exact.occupancy);
    expect(sim.pAbandon).toEqual({ mean: 0, halfWidth: 0 });
    // 220,000 chats with the warm-up, each an arrival and a completion.
    expect(sim.simulatedChats).toBe(220_000);
    expect(sim.events).toBe(440_000);
  });

  it('Erlang A: 10 E on 14 agents, patience 300 s, every service-level definition', () => {
    const input = {
      arrivalRatePerSec: 100 / 1800,
      ahtSec: 180,
      target: { percent: 80, seconds: 20 },
      patienceSec: 300,
    };
    const exact = evaluateAgents(input, 14);
    const sim = simulatePool({ ...input, agents: 14, targetSeconds: 20, rng: createRng(seed + 1) });
    expectCovers(sim.pWait, exact.pWait);
    expectCovers(sim.pAbandon, exact.pAbandon);
    expectCovers(sim.serviceLevel, exact.serviceLevels['answered-of-offered']);
    expectCovers(sim.serviceLevelOfAnswered, exact.serviceLevels['answered-of-answered']);
    expectCovers(sim.waitWithinT, exact.serviceLevels['wait-within-T']);
    expectCovers(sim.asaSeconds, exact.asaSeconds);
    expectCovers(sim.occupancy, exact.occupancy);
  });

  it('Erlang A overloaded: 10 E on 8 agents, patience 120 s (a quarter abandon)', () => {
    const input = {
      arrivalRatePerSec: 100 / 1800,
      ahtSec: 180,
      target: { percent: 80, seconds: 20 },
      patienceSec: 120,
    };
    const exact = evaluateAgents(input, 8);
    const sim = simulatePool({ ...input, agents: 8, targetSeconds: 20, rng: createRng(seed + 2) });
    // An abandon is found when its chat reaches the head of the queue, not an event of its own.
    const completions = sim.events - 220_000;
    expect(completions).toBeLessThan(220_000);
    expect(completions / 220_000).toBeCloseTo(1 - sim.pAbandon.mean, 2);
    expectCovers(sim.pAbandon, exact.pAbandon);
    expectCovers(sim.serviceLevel, exact.serviceLevel);
    expectCovers(sim.waitWithinT, exact.serviceLevels['wait-within-T']);
    expectCovers(sim.asaSeconds, exact.asaSeconds);
    expectCovers(sim.occupancy, exact.occupancy);
  });
});

describe('simulatePool and the chat-concurrency slot model', () => {
  const rate = 300 / 1800;

  it('with the same AHT at every level, K chats per agent are exactly N·K single-chat servers', () => {
    const k3 = simulatePool({
      arrivalRatePerSec: rate,
      ahtByConcurrency: [260, 260, 260],
      agents: 17,
      targetSeconds: 30,
      chats: 50_000,
      rng: createRng(seed + 3),
    });
    const slots = simulatePool({
      arrivalRatePerSec: rate,
      ahtSec: 260,
      agents: 51,
      targetSeconds: 30,
      chats: 50_000,
      rng: createRng(seed + 3),
    });
    expect(k3).toEqual(slots);
    const exact = evaluateAgents(
      { arrivalRatePerSec: rate, ahtByConcurrency: [260, 260, 260], target: { percent: 80, seconds: 30 } },
      17,
    );
    const long = simulatePool({
      arrivalRatePerSec: rate,
      ahtSec: 260,
      agents: 51,
      targetSeconds: 30,
      rng: createRng(seed + 4),
    });
    expectCovers(long.serviceLevel, exact.serviceLevel);
    expectCovers(long.occupancy, exact.occupancy);
  });

  it('with AHT growing in K (180/210/260 s), the slot model at AHT_K is conservative', () => {
    const input = {
      arrivalRatePerSec: rate,
      ahtByConcurrency: [180, 210, 260],
      target: { percent: 80, seconds: 30 },
    };
    for (const agents of [16, 17, 19]) {
      const slot = evaluateAgents(input, agents);
      const sim = simulatePool({ ...input, agents, targetSeconds: 30, rng: createRng(seed + agents) });
      expect(sim.serviceLevel.mean - sim.serviceLevel.halfWidth).toBeGreaterThan(slot.serviceLevel);
      expect(sim.asaSeconds.mean + sim.asaSeconds.halfWidth).toBeLessThan(slot.asaSeconds);
      expect(sim.occupancy.mean + sim.occupancy.halfWidth).toBeLessThan(slot.occupancy);
    }
  });
});

describe('simulatePool options', () => {
  it('lognormal handle times keep the mean (occupancy a/n) and, with CV 0.5, wait less than exponential', () => {
    const input = { arrivalRatePerSec: 100 / 1800, ahtSec: 180, target: { percent: 80, seconds: 20 } };
    const exact = evaluateAgents(input, 14);
    const sim = simulatePool({
      ...input,
      agents: 14,
      targetSeconds: 20,
      serviceDistribution: 'lognormal',
      serviceCv: 0.5,
      rng: createRng(seed + 5),
    });
    expectCovers(sim.occupancy, 10 / 14);
    expect(sim.serviceLevel.mean - sim.serviceLevel.halfWidth).toBeGreaterThan(exact.serviceLevel);
  });

  it('is reproducible from its seed', () => {
    const run = (s: number) =>
      simulatePool({
        arrivalRatePerSec: 1,
        ahtSec: 10,
        agents: 12,
        targetSeconds: 5,
        patienceSec: 30,
        chats: 20_000,
        rng: createRng(s),
      });
    expect(run(5)).toEqual(run(5));
    expect(run(5).serviceLevel.mean).not.toBe(run(6).serviceLevel.mean);
  });

  it('rejects a pool without agents', () => {
    expect(() =>
      simulatePool({ arrivalRatePerSec: 1, ahtSec: 10, agents: 0, targetSeconds: 5, rng: createRng(1) }),
    ).toThrow('agents must be an integer >= 1, got 0');
  });
});
