// Turns the engine's per-second samples into the results records: one SecondRecord per wall second,
// one IntervalRecord per scenario interval (e.g. 15 scenario minutes) as it closes. Pure over its inputs.
import type { Counters } from '../engine/counters.ts';
import type { LoadSample } from '../engine/load-engine.ts';
import { createLatencyHistogram, type Histogram, summarizeMs } from '../metrics/latency.ts';
import type { IntentCounts, IntervalRecord, OutcomeCounts, SecondRecord } from '../results/records.ts';
import { formatZoned, zoneOffsetMs } from './zoned-time.ts';

export interface RunShape {
  /** Fraction of real volume replayed (--scale). */
  scale: number;
  /** Scenario ms per plan ms (--speed). */
  speed: number;
  /** Scenario time (epoch ms) at plan time 0: the start of the replayed window. */
  scenarioStartMs: number;
  /** Scenario time (epoch ms) at which the replayed window ends. */
  scenarioEndMs: number;
  timezone: string;
  intervalMinutes: number;
  /** The scenario's curve at real scale, new conversations per minute, at a scenario time. */
  curvePerMinAt(scenarioMs: number): number;
}

/** The outcome counts of any tally with the engine's field names (run counters, a live frame's counts). */
export function outcomes(
  c: Pick<Counters, 'scheduled' | 'resolved' | 'handedOff' | 'abandoned' | 'failed' | 'dropped'>,
): OutcomeCounts {
  return {
    arrivals: c.scheduled,
    resolved: c.resolved,
    handedOff: c.handedOff,
    abandoned: c.abandoned,
    failed: c.failed,
    dropped: c.dropped,
  };
}

function addOutcomes(into: OutcomeCounts, c: OutcomeCounts): void {
  into.arrivals += c.arrivals;
  into.resolved += c.resolved;
  into.handedOff += c.handedOff;
  into.abandoned += c.abandoned;
  into.failed += c.failed;
  into.dropped += c.dropped;
}

const zero = (): OutcomeCounts => ({
  arrivals: 0,
  resolved: 0,
  handedOff: 0,
  abandoned: 0,
  failed: 0,
  dropped: 0,
});

function scaleCounts(c: OutcomeCounts, scale: number): OutcomeCounts {
  const s = (n: number): number => Math.round((n / scale) * 100) / 100;
  return {
    arrivals: s(c.arrivals),
    resolved: s(c.resolved),
    handedOff: s(c.handedOff),
    abandoned: s(c.abandoned),
    failed: s(c.failed),
    dropped: s(c.dropped),
  };
}

interface OpenInterval {
  index: number;
  counts: OutcomeCounts;
  handoffsByQueue: Record<string, number>;
  byIntent: Record<string, IntentCounts>;
  latency: Histogram;
}

export class RunAggregator {
  private open: OpenInterval | undefined;
  private lastRealSec = 0;
  private readonly intervalMs: number;
  private readonly offsetMs: number;

  constructor(private readonly shape: RunShape) {
    this.intervalMs = shape.intervalMinutes * 60_000;
    this.offsetMs = zoneOffsetMs(shape.timezone, shape.scenarioStartMs);
  }

  scenarioMsAt(planMs: number): number {
    return Math.min(this.shape.scenarioEndMs, this.shape.scenarioStartMs + planMs * this.shape.speed);
  }

  /** Interval index of a scenario time, aligned to local clock time (00:00, 00:15, …). */
  private intervalIndex(scenarioMs: number): number {
    return Math.floor((scenarioMs + this.offsetMs) / this.intervalMs);
  }

  private closeInterval(iv: OpenInterval): IntervalRecord {
    const startMs = iv.index * this.intervalMs - this.offsetMs;
    const realHandoffs: Record<string, number> = {};
    for (const [q, n] of Object.entries(iv.handoffsByQueue))
      realHandoffs[q] = Math.round((n / this.shape.scale) * 100) / 100;
    return {
      kind: 'interval',
      start: formatZoned(startMs, this.shape.timezone),
      end: formatZoned(startMs + this.intervalMs, this.shape.timezone),
      minutes: this.shape.intervalMinutes,
      ...iv.counts,
      real: scaleCounts(iv.counts, this.shape.scale),
      handoffsByQueue: iv.handoffsByQueue,
      realHandoffsByQueue: realHandoffs,
      byIntent: iv.byIntent,
      latency: summarizeMs(iv.latency),
    };
  }

  /** Adds one engine sample; returns its second record and any scenario interval it closed. */
  add(sample: LoadSample): { second: SecondRecord; closed: IntervalRecord[] } {
    const scenarioMs = this.scenarioMsAt(sample.planMs);
    const dtSec = Math.max(1e-3, sample.realSec - this.lastRealSec);
    this.lastRealSec = sample.realSec;
    const speed = this.shape.speed * sample.rate;
    const c = sample.counters;
    const second: SecondRecord = {
      kind: 'second',
      t: Math.round(sample.realSec * 1000) / 1000,
      scenarioTime: formatZoned(scenarioMs, this.shape.timezone),
      speed,
      ...outcomes(c),
      realArrivalsPerMin:
        speed === 0 ? 0 : Math.round((c.scheduled / this.shape.scale / speed / dtSec) * 60 * 100) / 100,
      curvePerMin: Math.round(this.shape.curvePerMinAt(scenarioMs) * 100) / 100,
      messages: c.messagesSent,
      replies: c.replies,
      lateStarts: c.lateStarts,
      active: sample.active,
      errors: c.errors,
      handoffsByQueue: c.handoffsByQueue,
      latency: summarizeMs(sample.latency),
      slipP99Ms:
        Math.round((sample.slip.totalCount === 0 ? 0 : sample.slip.getValueAtPercentile(99) / 1000) * 1000) /
        1000,
      loopLagP99Ms: Math.round(sample.loopLagP99Ms * 1000) / 1000,
    };

    const closed: IntervalRecord[] = [];
    const index = this.intervalIndex(scenarioMs);
    if (this.open !== undefined && index !== this.open.index) {
      closed.push(this.closeInterval(this.open));
      this.open = undefined;
    }
    this.open ??= {
      index,
      counts: zero(),
      handoffsByQueue: {},
      byIntent: {},
      latency: createLatencyHistogram(),
    };
    const iv = this.open;
    addOutcomes(iv.counts, outcomes(c));
    for (const [q, n] of Object.entries(c.handoffsByQueue))
      iv.handoffsByQueue[q] = (iv.handoffsByQueue[q] ?? 0) + n;
    for (const [intent, t] of Object.entries(c.byIntent)) {
      const mine = iv.byIntent[intent] ?? zero();
      iv.byIntent[intent] = mine;
      addOutcomes(mine, { ...t, arrivals: t.scheduled });
    }
    iv.latency.add(sample.latency);
    return { second, closed };
  }

  /** Closes the interval still open at the end of the run. */
  finish(): IntervalRecord[] {
    const out = this.open === undefined ? [] : [this.closeInterval(this.open)];
    this.open = undefined;
    return out;
  }
}
