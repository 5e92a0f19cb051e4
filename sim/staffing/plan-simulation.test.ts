import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import { planStaffing, type QueueStaffing } from './interval-plan.ts';
import { simulatePlan, simulatePlanDays } from './plan-simulation.ts';

const staffing: Record<string, QueueStaffing> = {
  presale: { ahtSec: 180, target: { percent: 80, seconds: 20 } },
  complaints: { ahtSec: 180, target: { percent: 80, seconds: 20 }, patienceSec: 300, minAgents: 1 },
};
const plan = planStaffing(
  [
    { start: 0, queue: 'presale', offered: 100 },
    { start: 0, queue: 'complaints', offered: 0 },
    { start: 1_800_000, queue: 'complaints', offered: 100 },
  ],
  staffing,
);

describe('simulatePlan', () => {
  const result = simulatePlan(plan, staffing, { rng: createRng(42), chatsPerRow: 100_000 });

  it('simulates each row with its raw agents and skips rows without contacts', () => {
    expect(result.map((r) => [r.row.queue, r.row.raw, r.simulated === null])).toEqual([
      ['complaints', 1, true],
      ['presale', 14, false],
      ['complaints', 13, false],
    ]);
  });

  it('lands within the 99% interval of the plan figures (Erlang C and Erlang A rows)', () => {
    const widen = 2.861 / 2.093;
    for (const { row, simulated } of result.slice(1)) {
      if (simulated === null) throw new Error('expected a simulation');
      expect(Math.abs(simulated.serviceLevel.mean - row.serviceLevel)).toBeLessThanOrEqual(
        simulated.serviceLevel.halfWidth * widen,
      );
      expect(Math.abs(simulated.pAbandon.mean - row.pAbandon)).toBeLessThanOrEqual(
        simulated.pAbandon.halfWidth * widen,
      );
    }
  });

  it('does not depend on row order: each row has its own stream', () => {
    const reversed = { ...plan, rows: [...plan.rows].reverse() };
    const again = simulatePlan(reversed, staffing, { rng: createRng(42), chatsPerRow: 100_000 });
    expect(again[1]?.simulated).toEqual(result[1]?.simulated);
  });
});

describe('simulatePlanDays', () => {
  it('runs each queue as one day, filling gaps with empty intervals', () => {
    const gappy = planStaffing(
      [
        { start: 0, queue: 'presale', offered: 100 },
        { start: 3_600_000, queue: 'presale', offered: 100 },
      ],
      staffing,
    );
    const [day] = simulatePlanDays(gappy, staffing, { rng: createRng(3), replications: 3 });
    expect(day?.queue).toBe('presale');
    expect(day?.starts).toEqual([0, 1_800_000, 3_600_000]);
    expect(day?.result.intervals[1]?.offered).toBe(0);
    for (const a of day?.result.accounting ?? []) expect(a.answered + a.abandoned).toBe(a.offered);
  });
});
