import { describe, expect, it } from 'vitest';
import { evaluateAgents, type StaffingInput, scheduledAgents, solveAgents } from './solve-agents.ts';

// Call Centre Helper's worked example / pyworkforce README: 100 contacts per 30 min, AHT 180 s.
const example = { arrivalRatePerSec: 100 / 1800, ahtSec: 180, target: { percent: 80, seconds: 20 } };

// One contract, two models: Erlang C (no patience) and Erlang A (patience given).
const models: { name: string; input: StaffingInput }[] = [
  { name: 'Erlang C', input: example },
  { name: 'Erlang A', input: { ...example, patienceSec: 300 } },
];

for (const { name, input } of models) {
  describe(`solveAgents contract: ${name}`, () => {
    it('returns the smallest count that meets the target: one fewer misses it', () => {
      const r = solveAgents(input);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(evaluateAgents(input, r.raw - 1).serviceLevel).toBeLessThan(0.8);
    });

    it('service level never falls as agents are added', () => {
      let last = 0;
      for (let n = 1; n <= 30; n++) {
        const sl = evaluateAgents(input, n).serviceLevel;
        expect(sl).toBeGreaterThanOrEqual(last);
        last = sl;
      }
    });

    it('with no contacts needs only minAgents, bound by min_agents', () => {
      const r = solveAgents({ ...input, arrivalRatePerSec: 0, minAgents: 2 });
      expect([r.raw, r.scheduled, r.binding, r.serviceLevel, r.occupancy]).toEqual([
        2,
        2,
        'min_agents',
        1,
        0,
      ]);
    });

    it('raises to minAgents and says so', () => {
      const r = solveAgents({ ...input, minAgents: 30, shrinkage: 0.25 });
      expect([r.raw, r.scheduled, r.binding]).toEqual([30, 40, 'min_agents']);
    });

    it('solves 4,800 erlangs without NaN or Infinity', () => {
      const big = { ...input, arrivalRatePerSec: 4800 / 180 };
      const r = solveAgents(big);
      for (const v of Object.values(r)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      expect(evaluateAgents(big, r.raw - 1).serviceLevel).toBeLessThan(0.8);
    });
  });
}

describe('solveAgents, Erlang C', () => {
  // pyworkforce README: ErlangC(transactions=100, asa=20/60, aht=3, interval=30, shrinkage=0.3)
  // .required_positions(service_level=0.8, max_occupancy=0.85) → raw_positions 14, positions 20.
  it('reproduces the published 14 raw / 20 scheduled', () => {
    const r = solveAgents({ ...example, maxOccupancy: 0.85, shrinkage: 0.3 });
    expect([r.raw, r.scheduled, r.binding]).toEqual([14, 20, 'service_level']);
    expect(r.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
    expect(r.pWait).toBeCloseTo(0.1741319335950498, 14);
    expect(r.occupancy).toBeCloseTo(0.7142857142857143, 14);
  });

  it('needs 15 (22 scheduled) for 90/20', () => {
    const r = solveAgents({ ...example, target: { percent: 90, seconds: 20 }, shrinkage: 0.3 });
    expect([r.raw, r.scheduled, r.serviceLevel]).toEqual([15, 22, 0.9414528428690223]);
  });

  it('lets a 70% occupancy cap bind: ceil(10 / 0.7) = 15', () => {
    const r = solveAgents({ ...example, maxOccupancy: 0.7 });
    expect([r.raw, r.binding]).toEqual([15, 'occupancy']);
  });

  it('solves 4,800 erlangs at 80/20 with 4,813 agents', () => {
    const r = solveAgents({ ...example, arrivalRatePerSec: 4800 / 180 });
    expect([r.raw, r.binding]).toEqual([4813, 'service_level']);
    expect(r.serviceLevel).toBeCloseTo(0.814807143266584, 10);
  });
});

describe('solveAgents, Erlang A', () => {
  const withPatience = { ...example, patienceSec: 300 };

  it('needs 13 agents for 80/20 answered-of-offered with 300 s patience', () => {
    const r = solveAgents(withPatience);
    expect([r.raw, r.model, r.binding]).toEqual([13, 'erlang-a', 'service_level']);
    expect(r.serviceLevel).toBeCloseTo(0.8581777000307635, 12);
    expect(r.pAbandon).toBeCloseTo(0.024963303633571843, 12);
  });

  it('lets an abandonment cap of 0.5% bind at 16 agents', () => {
    const r = solveAgents({ ...withPatience, maxAbandon: 0.005 });
    expect([r.raw, r.binding]).toEqual([16, 'abandonment']);
    expect(evaluateAgents(withPatience, 15).pAbandon).toBeGreaterThan(0.005);
  });

  it('lets a 60% occupancy cap bind at 17 agents', () => {
    const r = solveAgents({ ...withPatience, maxOccupancy: 0.6 });
    expect([r.raw, r.binding]).toEqual([17, 'occupancy']);
    expect(evaluateAgents(withPatience, 16).occupancy).toBeGreaterThan(0.6);
  });
});

describe('solveAgents, chat concurrency', () => {
  const chats = {
    arrivalRatePerSec: 300 / 1800,
    ahtByConcurrency: [180, 210, 260],
    target: { percent: 80, seconds: 30 },
  };

  it('staffs K = 3 as 3 slots per agent at the K = 3 handle time: 17 agents for 14.44 agent-erlangs', () => {
    const r = solveAgents(chats);
    expect([r.raw, r.concurrency, r.ahtSec]).toEqual([17, 3, 260]);
    expect(r.erlangs).toBeCloseTo(((300 / 1800) * 260) / 3, 12);
    expect(r.serviceLevel).toBeCloseTo(0.9236548010291082, 12);
  });

  it('uses the K = 2 handle time when concurrency is capped at 2: 20 agents', () => {
    const r = solveAgents({ ...chats, concurrency: 2 });
    expect([r.raw, r.ahtSec]).toEqual([20, 210]);
  });

  it('rejects a concurrency beyond the AHT vector', () => {
    expect(() => solveAgents({ ...chats, concurrency: 4 })).toThrow(
      'ahtByConcurrency has 3 values but concurrency is 4: give one AHT per level 1..4',
    );
  });
});

describe('solveAgents seeded by a neighbour', () => {
  it('gives the same answer as a cold solve over a range of loads, both models', () => {
    for (const patienceSec of [undefined, 300]) {
      let neighbour = solveAgents({ ...example, patienceSec, arrivalRatePerSec: 0.01 });
      for (let perHalfHour = 50; perHalfHour <= 5000; perHalfHour *= 1.37) {
        const input = { ...example, patienceSec, arrivalRatePerSec: perHalfHour / 1800, maxOccupancy: 0.9 };
        const cold = solveAgents(input);
        const warm = solveAgents(input, neighbour);
        expect([warm.raw, warm.binding, warm.serviceLevelAgents]).toEqual([
          cold.raw,
          cold.binding,
          cold.serviceLevelAgents,
        ]);
        neighbour = warm;
      }
    }
  });
});

describe('scheduledAgents', () => {
  it('does not round 14 / 0.7 = 20.000000000000004 up to 21', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
    expect(scheduledAgents(15, 0.3)).toBe(22);
    expect(scheduledAgents(0, 0.3)).toBe(0);
  });
});

describe('solveAgents input checks', () => {
  it.each([
    [{ target: { percent: 100, seconds: 20 } }, 'target.percent must be in (0, 100), got 100'],
    [{ maxOccupancy: 0 }, 'maxOccupancy must be in (0, 1], got 0'],
    [{ shrinkage: 1 }, 'shrinkage must be in [0, 1), got 1'],
    [{ arrivalRatePerSec: -1 }, 'arrivalRatePerSec must be a finite number >= 0, got -1'],
  ])('rejects %o', (patch, message) => {
    expect(() => solveAgents({ ...example, ...patch })).toThrow(message);
  });
});
