import { describe, expect, it } from 'vitest';
import { countOutcome, countScheduled, createCounters } from '../engine/counters.ts';
import type { LoadSample } from '../engine/load-engine.ts';
import { createLatencyHistogram, recordMs } from '../metrics/latency.ts';
import { RunAggregator } from './aggregate.ts';

const start = Date.UTC(2026, 10, 10, 15, 50, 0); // 23:50 +08:00

function sample(
  realSec: number,
  planMs: number,
  arrivals: number,
  handoffs: number,
  latencyMs: number[],
): LoadSample {
  const counters = createCounters();
  for (let i = 0; i < arrivals; i++) countScheduled(counters, 'promo.rules');
  for (let i = 0; i < handoffs; i++) {
    countOutcome(counters, 'promo.rules', 'handedOff');
    counters.handoffsByQueue.presale = (counters.handoffsByQueue.presale ?? 0) + 1;
  }
  counters.messagesSent = arrivals;
  const latency = createLatencyHistogram();
  for (const ms of latencyMs) recordMs(latency, ms);
  return {
    realSec,
    planMs,
    rate: 1,
    counters,
    latency,
    latencyByIntent: new Map(),
    slip: createLatencyHistogram(),
    loopLagP99Ms: 1.5,
    active: 3,
  };
}

describe('RunAggregator', () => {
  // speed 60: one wall second is one scenario minute; 10% scale; 5-minute intervals
  const agg = () =>
    new RunAggregator({
      scale: 0.1,
      speed: 60,
      scenarioStartMs: start,
      scenarioEndMs: start + 3_600_000,
      timezone: 'Asia/Shanghai',
      intervalMinutes: 5,
      curvePerMinAt: (ms) => (ms - start) / 60_000,
    });

  it('writes a second record with real-scale rates and scenario time', () => {
    const { second, closed } = agg().add(sample(1, 1000, 12, 2, [3, 5]));
    expect(closed).toEqual([]);
    expect(second).toMatchObject({
      kind: 'second',
      t: 1,
      scenarioTime: '2026-11-10T23:51:00+08:00',
      speed: 60,
      arrivals: 12,
      handedOff: 2,
      // 12 simulated arrivals in 1 wall s = 1 scenario min, ÷ 0.1 scale = 120 per real minute
      realArrivalsPerMin: 120,
      curvePerMin: 1,
      messages: 12,
      active: 3,
      handoffsByQueue: { presale: 2 },
      loopLagP99Ms: 1.5,
    });
    expect(second.latency.count).toBe(2);
  });

  it('closes scenario intervals on local clock boundaries and scales them back to real volume', () => {
    const a = agg();
    // seconds 1..9 → scenario 23:51 .. 23:59; second 10 → 00:00 opens the next interval
    const closed = [];
    for (let s = 1; s <= 10; s++) closed.push(...a.add(sample(s, s * 1000, 10, 1, [2])).closed);
    expect(closed.map((c) => [c.start, c.end, c.arrivals])).toEqual([
      ['2026-11-10T23:50:00+08:00', '2026-11-10T23:55:00+08:00', 40],
      ['2026-11-10T23:55:00+08:00', '2026-11-11T00:00:00+08:00', 50],
    ]);
    expect(closed[1]?.real.arrivals).toBe(500);
    expect(closed[1]?.realHandoffsByQueue).toEqual({ presale: 50 });
    expect(closed[1]?.byIntent['promo.rules']).toEqual({
      arrivals: 50,
      resolved: 0,
      handedOff: 5,
      abandoned: 0,
      failed: 0,
      dropped: 0,
    });
    const last = a.finish();
    expect(last.map((c) => [c.start, c.arrivals])).toEqual([['2026-11-11T00:00:00+08:00', 10]]);
    expect(a.finish()).toEqual([]);
  });
});
