import { describe, expect, it } from 'vitest';
import {
  botSaving,
  type IntervalDemand,
  noBotDemand,
  planStaffing,
  type QueueStaffing,
  queueMix,
} from './interval-plan.ts';

// Worked example per interval: 100 contacts per 30 min at AHT 180 s → 14 raw, 20 scheduled.
const staffing: Record<string, QueueStaffing> = {
  presale: { ahtSec: 180, target: { percent: 80, seconds: 20 }, maxOccupancy: 0.85, shrinkage: 0.3 },
  complaints: { ahtSec: 180, target: { percent: 80, seconds: 20 }, patienceSec: 300, minAgents: 2 },
};

const demand: IntervalDemand[] = [
  { start: '2026-11-11T00:30:00+08:00', queue: 'presale', offered: 100 },
  { start: '2026-11-11T00:00:00+08:00', queue: 'presale', offered: 60 },
  { start: '2026-11-11T00:00:00+08:00', queue: 'presale', offered: 40 },
  { start: Date.parse('2026-11-10T16:00:00Z'), queue: 'complaints', offered: 0 },
  { start: '2026-11-10T16:30:00Z', queue: 'complaints', offered: 100 },
];

describe('planStaffing', () => {
  const plan = planStaffing(demand, staffing);

  it('sums rows of the same interval and queue, sorts by start then queue, 30-minute default', () => {
    const t0 = Date.parse('2026-11-10T16:00:00Z');
    expect(plan.intervalMinutes).toBe(30);
    expect(plan.rows.map((r) => [r.start - t0, r.end - t0, r.queue, r.offered])).toEqual([
      [0, 1_800_000, 'complaints', 0],
      [0, 1_800_000, 'presale', 100],
      [1_800_000, 3_600_000, 'complaints', 100],
      [1_800_000, 3_600_000, 'presale', 100],
    ]);
  });

  it('staffs each cell with its queue inputs', () => {
    expect(plan.rows.map((r) => [r.queue, r.raw, r.scheduled, r.binding, r.model])).toEqual([
      ['complaints', 2, 2, 'min_agents', 'erlang-a'],
      ['presale', 14, 20, 'service_level', 'erlang-c'],
      ['complaints', 13, 13, 'service_level', 'erlang-a'],
      ['presale', 14, 20, 'service_level', 'erlang-c'],
    ]);
    const presale = plan.rows[1];
    expect(presale?.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
    expect(presale?.erlangs).toBeCloseTo(10, 12);
  });

  it('totals peaks per queue and overall, and agent-hours', () => {
    const t0 = Date.parse('2026-11-10T16:00:00Z');
    expect(plan.totals.offered).toBe(300);
    expect(plan.totals.peak).toEqual({ raw: 27, scheduled: 33, at: t0 + 1_800_000 });
    expect(plan.totals.peakByQueue).toEqual({
      complaints: { raw: 13, scheduled: 13, at: t0 + 1_800_000 },
      presale: { raw: 14, scheduled: 20, at: t0 },
    });
    expect(plan.totals.agentHours).toEqual({
      raw: (2 + 14 + 13 + 14) / 2,
      scheduled: (2 + 20 + 13 + 20) / 2,
    });
    expect(plan.totals.agentHoursByQueue.presale).toEqual({ raw: 14, scheduled: 20 });
  });

  it('names the bad row and rule', () => {
    expect(() => planStaffing([{ start: 'noon', queue: 'presale', offered: 1 }], staffing)).toThrow(
      'demand[0].start must be an ISO date or epoch ms, got "noon"',
    );
    expect(() => planStaffing([{ start: 0, queue: 'vip', offered: 1 }], staffing)).toThrow(
      'demand[0].queue "vip" has no staffing inputs (known: presale, complaints)',
    );
    expect(() => planStaffing([{ start: 0, queue: 'presale', offered: Number.NaN }], staffing)).toThrow(
      'demand[0].offered must be a finite number >= 0, got NaN',
    );
  });

  // Its speed (target < 50 ms) is measured by `npm run bench`, not asserted in a test.
  it('plans a 96-interval × 4-queue day at peak-season scale: one row per interval and queue', () => {
    const queues: Record<string, QueueStaffing> = {
      presale: {
        ahtByConcurrency: [180, 210, 260],
        target: { percent: 80, seconds: 30 },
        maxOccupancy: 0.85,
      },
      logistics: { ahtSec: 240, target: { percent: 80, seconds: 20 }, patienceSec: 300, shrinkage: 0.3 },
      aftersale: { ahtSec: 420, target: { percent: 80, seconds: 60 }, patienceSec: 600, maxOccupancy: 0.9 },
      complaints: { ahtSec: 600, target: { percent: 90, seconds: 60 }, shrinkage: 0.3, minAgents: 2 },
    };
    const day: IntervalDemand[] = [];
    const base = { presale: 2000, logistics: 1500, aftersale: 800, complaints: 100 };
    for (let i = 0; i < 96; i++)
      for (const [queue, b] of Object.entries(base))
        day.push({
          start: i * 900_000,
          queue,
          offered: Math.round(b * (1 + Math.sin((i / 96) * 2 * Math.PI))),
        });
    const p = planStaffing(day, queues, { intervalMinutes: 15 });
    expect(p.rows).toHaveLength(384);
    expect(new Set(p.rows.map((r) => `${r.start}|${r.queue}`)).size).toBe(384);
    expect(p.rows.every((r) => r.scheduled >= r.raw)).toBe(true);
  });
});

describe('the no-bot plan and the bot saving', () => {
  it('queueMix gives each queue its share', () => {
    expect(queueMix(demand)).toEqual({ presale: 200 / 300, complaints: 100 / 300 });
  });

  it('spreads all conversations by the mix and prices the saving', () => {
    const withBot = planStaffing([{ start: 0, queue: 'presale', offered: 100 }], staffing);
    const conversations = [{ start: 0, conversations: 400 }];
    const nb = noBotDemand(conversations, { presale: 3, complaints: 1 });
    expect(nb).toEqual([
      { start: 0, queue: 'presale', offered: 300 },
      { start: 0, queue: 'complaints', offered: 100 },
    ]);
    const withoutBot = planStaffing(nb, staffing);
    const presale300 = withoutBot.rows.find((r) => r.queue === 'presale');
    expect(presale300?.raw).toBe(36);
    const saving = botSaving(withBot, withoutBot);
    expect(saving.agentHoursSaved.raw).toBe((36 + 13 - 14) / 2);
    expect(saving.peakAgentsSaved.raw).toBe(36 + 13 - 14);
  });

  it('rejects an empty mix', () => {
    expect(() => noBotDemand([{ start: 0, conversations: 1 }], { presale: 0 })).toThrow(
      'mix must give some queue a share > 0',
    );
  });
});
