import { describe, expect, it } from 'vitest';
import type { IntervalRecord } from '../results/records.ts';
import { defineScenario } from '../scenario/define.ts';
import { demandFromRun, demandFromScenario, humanQueue } from './demand.ts';

const zero = { arrivals: 0, resolved: 0, handedOff: 0, abandoned: 0, failed: 0, dropped: 0 };
const latency = { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };

function record(
  start: string,
  arrivals: number,
  scale: number,
  handoffs: Record<string, number>,
  byIntent: Record<string, number>,
): IntervalRecord {
  return {
    kind: 'interval',
    start,
    end: start,
    minutes: 15,
    ...zero,
    arrivals,
    real: { ...zero, arrivals: arrivals / scale },
    handoffsByQueue: handoffs,
    realHandoffsByQueue: Object.fromEntries(Object.entries(handoffs).map(([q, n]) => [q, n / scale])),
    byIntent: Object.fromEntries(Object.entries(byIntent).map(([i, n]) => [i, { ...zero, arrivals: n }])),
    latency,
  };
}

describe('staffing demand', () => {
  it('sends intents without a queue of their own to presale', () => {
    expect(humanQueue('greeting')).toBe('presale');
    expect(humanQueue('human.request')).toBe('presale');
    expect(humanQueue('complaint')).toBe('complaints');
    expect(humanQueue('aftersale.refund')).toBe('aftersale');
  });

  it("takes a run's real-scale hand-offs, regrouped into longer local intervals, and every conversation for no-bot", () => {
    const offset = 8 * 3_600_000;
    const d = demandFromRun(
      [
        record('2026-11-11T00:00:00+08:00', 10, 0.01, { presale: 3 }, { 'promo.rules': 6, greeting: 4 }),
        record(
          '2026-11-11T00:15:00+08:00',
          20,
          0.01,
          { presale: 1, logistics: 2 },
          { 'logistics.track': 20 },
        ),
      ],
      30,
      offset,
    );
    const midnight = Date.parse('2026-11-11T00:00:00+08:00');
    expect(d.intervalMinutes).toBe(30);
    expect(d.withBot).toEqual([
      { start: midnight, queue: 'presale', offered: 300 },
      { start: midnight, queue: 'presale', offered: 100 },
      { start: midnight, queue: 'logistics', offered: 200 },
    ]);
    expect(d.noBot).toEqual([
      { start: midnight, queue: 'presale', offered: 600 },
      { start: midnight, queue: 'presale', offered: 400 },
      { start: midnight, queue: 'logistics', offered: 2000 },
    ]);
  });

  it('derives demand from a scenario: curve integral × mix × (1 − bot resolution)', () => {
    const s = defineScenario({
      name: 'tiny',
      description: 'flat 600/min, two intents',
      span: { start: '2026-11-11T10:00', end: '2026-11-11T11:00' },
      curve: { points: [{ at: '10:00', perMin: 600 }] },
      mix: Object.fromEntries([
        ['logistics.track', 3],
        ['complaint', 1],
      ]),
      botResolution: { 'logistics.track': 0.8, complaint: 0 },
    });
    const mixed = s.base.mix;
    const weights = Object.values(mixed).reduce((a, b) => a + b, 0);
    const d = demandFromScenario(s, s.span.startMs, s.span.endMs, 30, 8 * 3_600_000);
    // 600/min × 30 min = 18,000 conversations per interval
    const logistics = (18_000 * mixed['logistics.track']) / weights;
    const complaints = (18_000 * mixed.complaint) / weights;
    const first = d.withBot.filter((x) => x.start === s.span.startMs);
    expect(first.find((x) => x.queue === 'complaints')?.offered).toBeCloseTo(complaints, 6);
    const noBotFirst = d.noBot.filter((x) => x.start === s.span.startMs);
    expect(noBotFirst.reduce((n, x) => n + x.offered, 0)).toBeCloseTo(18_000, 6);
    expect(noBotFirst.find((x) => x.queue === 'complaints')?.offered).toBeCloseTo(complaints, 6);
    const logisticsWithBot = first.find((x) => x.queue === 'logistics')?.offered ?? 0;
    expect(logisticsWithBot).toBeGreaterThanOrEqual(logistics * 0.2 - 1e-6);
    expect(d.withBot.map((x) => x.start).filter((v, i, a) => a.indexOf(v) === i)).toEqual([
      s.span.startMs,
      s.span.startMs + 1_800_000,
    ]);
  });
});
