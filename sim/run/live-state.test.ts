import { describe, expect, it } from 'vitest';
import { countOutcome, countScheduled, createCounters } from '../engine/counters.ts';
import type { LoadSample } from '../engine/load-engine.ts';
import { createLatencyHistogram, recordMs, summarizeMs } from '../metrics/latency.ts';
import type { SecondRecord } from '../results/records.ts';
import { LiveState } from './live-state.ts';

function second(speed: number, p99: number, curvePerMin: number): SecondRecord {
  return {
    kind: 'second',
    t: 1,
    scenarioTime: '',
    speed,
    realArrivalsPerMin: 0,
    curvePerMin,
    arrivals: 0,
    resolved: 0,
    handedOff: 0,
    abandoned: 0,
    failed: 0,
    dropped: 0,
    messages: 0,
    replies: 0,
    lateStarts: 0,
    active: 0,
    errors: {},
    handoffsByQueue: {},
    latency: { count: 1, p50: 1, p90: 1, p99, p999: p99, max: p99, mean: 1 },
    slipP99Ms: 0.5,
    loopLagP99Ms: 1.25,
  };
}

function sample(realSec: number, arrivals: number, handoffs: number, latencies: number[]): LoadSample {
  const counters = createCounters();
  for (let i = 0; i < arrivals; i++) countScheduled(counters, 'promo.rules');
  for (let i = 0; i < handoffs; i++) {
    countOutcome(counters, 'promo.rules', 'handedOff');
    counters.handoffsByQueue.presale = (counters.handoffsByQueue.presale ?? 0) + 1;
  }
  countOutcome(counters, 'promo.rules', 'resolved');
  counters.messagesSent = arrivals * 2;
  const latency = createLatencyHistogram();
  for (const ms of latencies) recordMs(latency, ms);
  return {
    realSec,
    planMs: realSec * 1000,
    rate: 1,
    counters,
    latency,
    latencyByIntent: new Map(),
    slip: createLatencyHistogram(),
    loopLagP99Ms: 0,
    active: 7,
  };
}

describe('LiveState', () => {
  const meta = {
    scenarioName: 'double11',
    scale: 0.01,
    drivers: 1,
    curve: [1, 2, 3, 4],
    scenarioStartMs: 0,
    scenarioEndMs: 240_000,
    clock: (ms: number) => `t+${ms / 1000}s`,
    // one agent per 10 hand-offs a minute
    agentsFor: (_q: string, perMin: number) => Math.ceil(perMin / 10),
    queues: ['presale', 'logistics'],
  };

  it('turns a sample into the dashboard frame with real-scale rates', () => {
    const live = new LiveState(meta);
    // speed 60: 1 wall s = 1 scenario min; 10 arrivals at 1% scale = 1000/s real … per scenario second: 10/0.01/60
    const f = live.update(sample(1, 10, 3, [0.4, 3, 900]), second(60, 12.5, 6000), 90_000);
    expect(f.scenario.clock).toBe('t+90s');
    expect(f.scenario.progress).toBe(0.375);
    expect(f.scenario.cursor).toBe(1);
    expect(f.rates.arrivalsPerSec).toBe(10);
    expect(f.rates.arrivalsPerSecReal).toBeCloseTo(10 / 0.01 / 60, 9);
    expect(f.rates.messagesPerSec).toBe(20);
    expect(f.rates.curvePerSecReal).toBe(100);
    expect(f.open).toBe(7);
    expect(f.latency.buckets.filter((b) => b.count > 0)).toEqual([
      { leMs: 0.5, count: 1 },
      { leMs: 4, count: 1 },
      { leMs: 1024, count: 1 },
    ]);
    expect(f.latency.p99History).toEqual([12.5]);
    // 3 hand-offs in one scenario minute at 1% scale = 300 a minute at real scale → 30 agents
    expect(f.handoffs).toEqual([
      { queue: 'presale', total: 3, perMinReal: 300 },
      { queue: 'logistics', total: 0, perMinReal: 0 },
    ]);
    expect(f.agents.now).toEqual([
      { queue: 'presale', agents: 30 },
      { queue: 'logistics', agents: 0 },
    ]);
    expect(f.bot.resolution).toBe(0.25);
    expect(f.bot.byIntent).toEqual([{ intent: 'promo.rules', scheduled: 10, resolved: 1, resolution: 0.25 }]);
    expect(f.counts).toMatchObject({ scheduled: 10, resolved: 1, handedOff: 3 });
    expect(f.health).toEqual({ slipP99Ms: 0.5, loopLagP99Ms: 1.25, drivers: 1 });
  });

  it('keeps totals, the peak of agents needed at one moment, and pause state', () => {
    const live = new LiveState(meta);
    live.update(sample(1, 10, 3, [1]), second(60, 1, 0), 60_000);
    const paused = { ...sample(2, 0, 0, []), rate: 0 };
    const f = live.update(paused, second(0, 0, 0), 60_000);
    expect(f.scenario.paused).toBe(true);
    expect(f.rates.arrivalsPerSecReal).toBe(0);
    expect(f.agents.peak).toEqual([
      { queue: 'presale', agents: 30 },
      { queue: 'logistics', agents: 0 },
    ]);
    expect(f.agents.peakTotal).toBe(30);
    expect(f.latency.total).toEqual(
      summarizeMs(
        (() => {
          const h = createLatencyHistogram();
          recordMs(h, 1);
          return h;
        })(),
      ),
    );
    expect(live.counters().scheduled).toBe(10);
  });
});
