// Keeps the running totals the dashboard shows and builds one LiveFrame per engine sample. Pure.
import { botResolution, type Counters, createCounters, mergeCounters } from '../engine/counters.ts';
import type { LoadSample } from '../engine/load-engine.ts';
import type { LiveFrame } from '../live/frame.ts';
import { createLatencyHistogram, summarizeMs, toDelta } from '../metrics/latency.ts';
import type { SecondRecord } from '../results/records.ts';

export interface LiveMeta {
  scenarioName: string;
  scale: number;
  drivers: number;
  /** Real-scale new conversations per minute across the replayed span, evenly sampled. */
  curve: number[];
  scenarioStartMs: number;
  scenarioEndMs: number;
  /** Scenario clock text for a scenario time. */
  clock(scenarioMs: number): string;
  /** Scheduled agents a queue needs for a real-scale hand-off rate (per minute); null without staffing data. */
  agentsFor?(queue: string, realPerMin: number): number | null;
  /** Queues to show, in order. */
  queues: readonly string[];
}

/** Upper bounds (ms) of the dashboard's log-spaced latency buckets; the last is open-ended. */
export const BUCKET_BOUNDS_MS = [
  0.5,
  1,
  2,
  4,
  8,
  16,
  32,
  64,
  128,
  256,
  512,
  1024,
  2048,
  Number.POSITIVE_INFINITY,
];
const HISTORY = 120;
const RATE_WINDOW_SEC = 10;

export class LiveState {
  private readonly totals: Counters = createCounters();
  private readonly latency = createLatencyHistogram();
  private readonly buckets = BUCKET_BOUNDS_MS.map(() => 0);
  private readonly p99History: number[] = [];
  /** Recent seconds for rates: [realSec, scenarioSec elapsed, handoffs by queue]. */
  private readonly recent: { dtScenarioSec: number; handoffs: Record<string, number> }[] = [];
  private readonly peakAgents = new Map<string, number>();
  /** Peak of the agents needed at one moment over all queues (not the sum of per-queue peaks). */
  private peakTotal = 0;
  private lastRealSec = 0;

  constructor(private readonly meta: LiveMeta) {}

  update(sample: LoadSample, second: SecondRecord, scenarioMs: number): LiveFrame {
    const m = this.meta;
    mergeCounters(this.totals, sample.counters);
    this.latency.add(sample.latency);
    const delta = toDelta(sample.latency);
    for (let i = 0; i < delta.length; i += 2) {
      const ms = (delta[i] as number) / 1000;
      const b = BUCKET_BOUNDS_MS.findIndex((le) => ms <= le);
      this.buckets[b] = (this.buckets[b] ?? 0) + (delta[i + 1] as number);
    }
    this.p99History.push(second.latency.p99);
    if (this.p99History.length > HISTORY) this.p99History.shift();

    const dtReal = Math.max(1e-3, sample.realSec - this.lastRealSec);
    this.lastRealSec = sample.realSec;
    this.recent.push({ dtScenarioSec: dtReal * second.speed, handoffs: sample.counters.handoffsByQueue });
    if (this.recent.length > RATE_WINDOW_SEC) this.recent.shift();
    const windowScenarioMin = this.recent.reduce((s, r) => s + r.dtScenarioSec, 0) / 60;

    const realPerSec = (n: number): number => (second.speed === 0 ? 0 : n / m.scale / second.speed / dtReal);
    const span = m.scenarioEndMs - m.scenarioStartMs;
    const progress = span <= 0 ? 1 : Math.min(1, Math.max(0, (scenarioMs - m.scenarioStartMs) / span));

    const handoffs = m.queues.map((queue) => {
      const recentCount = this.recent.reduce((s, r) => s + (r.handoffs[queue] ?? 0), 0);
      const perMinReal = windowScenarioMin === 0 ? 0 : recentCount / m.scale / windowScenarioMin;
      return { queue, total: this.totals.handoffsByQueue[queue] ?? 0, perMinReal };
    });
    const agentsNow = handoffs.map(({ queue, perMinReal }) => {
      const agents = m.agentsFor?.(queue, perMinReal) ?? 0;
      this.peakAgents.set(queue, Math.max(this.peakAgents.get(queue) ?? 0, agents));
      return { queue, agents };
    });
    this.peakTotal = Math.max(
      this.peakTotal,
      agentsNow.reduce((sum, a) => sum + a.agents, 0),
    );
    const t = this.totals;
    const byIntent = Object.entries(t.byIntent)
      .map(([intent, c]) => {
        const ended = c.resolved + c.handedOff + c.abandoned + c.failed;
        return {
          intent,
          scheduled: c.scheduled,
          resolved: c.resolved,
          resolution: ended === 0 ? null : c.resolved / ended,
        };
      })
      .sort((a, b) => b.scheduled - a.scheduled || a.intent.localeCompare(b.intent));

    return {
      scenario: {
        name: m.scenarioName,
        clock: m.clock(scenarioMs),
        progress,
        curve: m.curve,
        cursor: Math.min(m.curve.length - 1, Math.floor(progress * m.curve.length)),
        speed: second.speed,
        paused: sample.rate === 0,
        scale: m.scale,
      },
      elapsedSec: sample.realSec,
      rates: {
        arrivalsPerSec: sample.counters.scheduled / dtReal,
        arrivalsPerSecReal: realPerSec(sample.counters.scheduled),
        messagesPerSec: sample.counters.messagesSent / dtReal,
        messagesPerSecReal: realPerSec(sample.counters.messagesSent),
        curvePerSecReal: second.curvePerMin / 60,
      },
      open: sample.active,
      latency: {
        now: second.latency,
        total: summarizeMs(this.latency),
        buckets: BUCKET_BOUNDS_MS.map((leMs, i) => ({ leMs, count: this.buckets[i] ?? 0 })),
        p99History: [...this.p99History],
      },
      bot: { resolution: botResolution(t), byIntent },
      handoffs,
      agents: {
        now: agentsNow,
        peak: m.queues.map((queue) => ({ queue, agents: this.peakAgents.get(queue) ?? 0 })),
        peakTotal: this.peakTotal,
      },
      counts: {
        scheduled: t.scheduled,
        resolved: t.resolved,
        handedOff: t.handedOff,
        abandoned: t.abandoned,
        failed: t.failed,
        dropped: t.dropped,
        lateStarts: t.lateStarts,
        errors: { ...t.errors },
      },
      health: { slipP99Ms: second.slipP99Ms, loopLagP99Ms: second.loopLagP99Ms, drivers: m.drivers },
    };
  }

  /** Run totals so far (for the summary). */
  counters(): Counters {
    return this.totals;
  }
}
