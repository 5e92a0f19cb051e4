// Record shapes of a results folder (../shared/DESIGN.md "Results folder contract"). Writers (the run)
// and readers (report, plan, import) share these types.
import type { LatencySummaryMs } from '../metrics/latency.ts';

export interface OutcomeCounts {
  /** Conversations whose arrival time came (simulated volume). */
  arrivals: number;
  resolved: number;
  handedOff: number;
  abandoned: number;
  failed: number;
  dropped: number;
}

/** One line of intervals.jsonl per wall second. */
export interface SecondRecord extends OutcomeCounts {
  kind: 'second';
  /** Real seconds since the run started (end of this second). */
  t: number;
  /** Scenario local time reached, ISO 8601 with offset, e.g. 2026-11-11T00:00:30+08:00. */
  scenarioTime: string;
  /** Scenario seconds per wall second now (--speed × playback rate; 0 when paused). */
  speed: number;
  /** New conversations per minute at real scale implied by this second's arrivals (arrivals / scale / speed × 60). */
  realArrivalsPerMin: number;
  /** What the scenario's curve says for this moment, per minute at real scale. */
  curvePerMin: number;
  messages: number;
  replies: number;
  lateStarts: number;
  /** Open conversations at the end of the second. */
  active: number;
  errors: Record<string, number>;
  handoffsByQueue: Record<string, number>;
  latency: LatencySummaryMs;
  /** Generator health: how late conversations started (p99, ms) and event-loop lag of the drivers (p99, ms). */
  slipP99Ms: number;
  loopLagP99Ms: number;
}

export interface IntentCounts extends OutcomeCounts {}

/** One line of intervals.jsonl per scenario interval (e.g. 15 scenario minutes), when it closes. */
export interface IntervalRecord extends OutcomeCounts {
  kind: 'interval';
  /** Scenario local start and end, ISO 8601 with offset. */
  start: string;
  end: string;
  minutes: number;
  /** The same counts scaled back to real volume (÷ --scale). */
  real: OutcomeCounts;
  handoffsByQueue: Record<string, number>;
  /** Hand-offs per queue at real scale: the staffing plan's offered contacts. */
  realHandoffsByQueue: Record<string, number>;
  byIntent: Record<string, IntentCounts>;
  /** Customer messages (zh/en) that went unresolved or angry in this interval, masked, for insights. */
  samples?: { unresolved: string[]; angry: string[] };
  latency: LatencySummaryMs;
}

export type IntervalsLine = SecondRecord | IntervalRecord;

/** run.json */
export interface RunMeta {
  runId: string;
  scenario: {
    name: string;
    /** How to load it again: a built-in name or an absolute path. */
    ref: string;
    description: string;
    timezone: string;
    start: string;
    end: string;
  };
  options: {
    speed: number;
    scale: number;
    window?: string;
    duration?: string;
    seed: number;
    target: string;
    embeddedServer: boolean;
    drivers: number;
    intervalMinutes: number;
    /** WebSocket driver: conversations per socket, socket reuse, drivers as processes (absent in older runs). */
    convsPerSocket?: number;
    reuseSockets?: boolean;
    driverProcesses?: boolean;
    /** Send quantum in ms (absent in older runs: 0). */
    sendQuantumMs?: number;
  };
  startedAt: string;
  versions: { peakdesk: string; node: string; uws: string };
  machine: { platform: string; arch: string; cpus: number; cpuModel: string; memoryGiB: number };
}

/** summary.json (also has "schemaVersion"). */
export interface RunSummary {
  runId: string;
  /** False when the run was stopped early (Ctrl-C, crash) — the report marks it partial. */
  complete: boolean;
  endedAt: string;
  realSeconds: number;
  scenarioSpan: { start: string; end: string };
  accounting: OutcomeCounts & { inFlightAtStop: number; balanced: boolean };
  messages: number;
  replies: number;
  lateReplies: number;
  /** Abandoned while waiting for a reply past the customer's patience (the rest of `abandoned` chose to leave); absent in imported runs. */
  gaveUpWaiting?: number;
  lateStarts: number;
  errors: Record<string, number>;
  botResolution: number | null;
  handoffsByQueue: Record<string, number>;
  handoffsByReason: Record<string, number>;
  byIntent: Record<string, IntentCounts & { resolution: number | null; latency: LatencySummaryMs }>;
  latency: LatencySummaryMs;
  slip: LatencySummaryMs;
  /** Threshold results, as k6 prints them. */
  thresholds: { expr: string; ok: boolean; actual: number }[];
}

/**
 * The files a finished `peakdesk run` leaves in its folder (DESIGN, results folder contract): the run's
 * own records, then the plan and report it writes at the end (what `peakdesk plan` and `report` write).
 */
export const RUN_RESULT_FILES = [
  'run.json',
  'intervals.jsonl',
  'latency.hlog',
  'summary.json',
  'staffing.csv',
  'staffing-nobot.csv',
  'report.html',
  'summary.md',
] as const;
