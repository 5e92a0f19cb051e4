// What the live dashboard (Ink TUI) and the plain progress printer show, once per second.
// Built from the engine's samples by the run (sim/run); the UI only renders it.
import type { LatencySummaryMs } from '../metrics/latency.ts';

export interface LiveFrame {
  scenario: {
    name: string;
    /** Scenario local clock, e.g. "11-11 00:03:20". */
    clock: string;
    /** 0..1 through the replayed span. */
    progress: number;
    /** Real-scale new conversations per minute over the whole span, ~120 points, for the sparkline. */
    curve: number[];
    /** Index into `curve` of now. */
    cursor: number;
    /** Scenario seconds per wall second (0 when paused). */
    speed: number;
    paused: boolean;
    scale: number;
  };
  elapsedSec: number;
  /** Rates over the last second: simulated, and the real-scale equivalent. */
  rates: {
    arrivalsPerSec: number;
    arrivalsPerSecReal: number;
    messagesPerSec: number;
    messagesPerSecReal: number;
    /** The curve's value now, real scale, per second. */
    curvePerSecReal: number;
  };
  open: number;
  latency: {
    /** Last second. */
    now: LatencySummaryMs;
    /** Whole run so far. */
    total: LatencySummaryMs;
    /** Log-spaced buckets of the whole run: upper bound (ms) and count. */
    buckets: { leMs: number; count: number }[];
    /** p99 per second, last ~120 s, ms. */
    p99History: number[];
  };
  bot: {
    /** Resolved ÷ ended, whole run; null before any ended. */
    resolution: number | null;
    byIntent: { intent: string; scheduled: number; resolved: number; resolution: number | null }[];
  };
  handoffs: { queue: string; total: number; perMinReal: number }[];
  agents: {
    /** Agents needed now per queue (scheduled, after shrinkage) at real scale, from the last interval's rate. */
    now: { queue: string; agents: number }[];
    peak: { queue: string; agents: number }[];
    peakTotal: number;
  };
  counts: {
    scheduled: number;
    resolved: number;
    handedOff: number;
    abandoned: number;
    failed: number;
    dropped: number;
    lateStarts: number;
    errors: Record<string, number>;
  };
  health: { slipP99Ms: number; loopLagP99Ms: number; drivers: number };
  /** Set on the last frame. */
  finished?: { resultsDir: string; complete: boolean };
}
