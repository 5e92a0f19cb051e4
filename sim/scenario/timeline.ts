// Maps wall time of a run onto scenario time and real-scale rates onto simulated ones, from the run
// options --speed, --scale, --window and --duration. Pure; errors name the option and the rule.
import { usageError } from '../errors.ts';
import { formatLocal, parseLocalTime, resolveLocalTime } from './local-time.ts';
import type { Scenario } from './types.ts';

export interface RunTimeOptions {
  /** Scenario ms per wall ms (720 plays 24 h in 2 min). @default the scenario's run.speed, else 1; derived from `duration` when only that is given */
  speed?: number | undefined;
  /** Fraction of the real-scale volume replayed, 0 < scale <= 1. @default the scenario's run.scale, else 1 */
  scale?: number | undefined;
  /** Part of the span: "HH:MM-HH:MM" (may cross midnight) or "YYYY-MM-DDTHH:MM-HH:MM". @default the scenario's run.window, else the whole span */
  window?: string | undefined;
  /** Cap on wall time: "90s", "15m", "1h30m" or seconds. @default no cap */
  duration?: string | undefined;
}

export const RUN_TIME_DEFAULTS = { speed: 1, scale: 1 } as const;

export interface Timeline {
  timezone: string;
  /** Scenario ms per wall ms. */
  speed: number;
  /** Fraction of the real-scale volume. */
  scale: number;
  /** Scenario time (epoch ms) at wall time 0: the start of the window. */
  startScenarioMs: number;
  /** Scenario time (epoch ms) at which the run stops: the window's end, or sooner when --duration caps it. */
  endScenarioMs: number;
  /** Wall ms from the run's start to its end. */
  durationWallMs: number;
  /** The replayed window as local date-times. */
  window: { from: string; to: string };
}

const WINDOW_PATTERN = /^(?:(\d{4}-\d{2}-\d{2})T)?(\d{2}:\d{2})-(\d{2}:\d{2})$/;
const DURATION_PATTERN = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/;

/** Scenario time window [startMs, endMs) that "--window" names inside the scenario's span. */
export function parseWindow(text: string, scenario: Scenario): { startMs: number; endMs: number } {
  const bad = usageError(`--window must look like HH:MM-HH:MM, got ${JSON.stringify(text)}`);
  const m = WINDOW_PATTERN.exec(text.trim());
  if (m === null) throw bad;
  const from = parseLocalTime(m[1] === undefined ? m[2]! : `${m[1]}T${m[2]}`);
  const to = parseLocalTime(m[3]!);
  if (from === undefined || to === undefined) throw bad;
  const { span, timezone } = scenario;
  const startMs = resolveLocalTime(timezone, from, span.startMs);
  const endMs = resolveLocalTime(timezone, to, startMs, true);
  if (startMs < span.startMs || endMs > span.endMs) {
    throw usageError(
      `--window must lie within the span of scenario "${scenario.name}" (${span.start} .. ${span.end}), ` +
        `got ${JSON.stringify(text)} (${formatLocal(timezone, startMs)} .. ${formatLocal(timezone, endMs)})`,
    );
  }
  return { startMs, endMs };
}

/** "--duration" in ms: "90s", "15m", "1h30m", "2h" or plain seconds. */
export function parseDuration(text: string, option = '--duration'): number {
  const trimmed = text.trim();
  const plain = /^\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : undefined;
  const m = plain === undefined ? DURATION_PATTERN.exec(trimmed) : null;
  const ms =
    plain ??
    (m === null || trimmed === ''
      ? Number.NaN
      : (Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 1000);
  if (Number.isNaN(ms))
    throw usageError(`${option} must look like 90s, 15m or 1h30m, got ${JSON.stringify(text)}`);
  if (!(ms > 0)) throw usageError(`${option} must be > 0, got ${JSON.stringify(text)}`);
  return ms;
}

/** Resolves run options against a scenario, once, at the boundary. */
export function resolveTimeline(scenario: Scenario, options: RunTimeOptions = {}): Timeline {
  const fromScenario = scenario.run;
  const scale = options.scale ?? fromScenario.scale ?? RUN_TIME_DEFAULTS.scale;
  if (!(scale > 0 && scale <= 1)) throw usageError(`--scale must be > 0 and <= 1, got ${scale}`);
  if (options.speed !== undefined && !(options.speed > 0 && Number.isFinite(options.speed))) {
    throw usageError(`--speed must be > 0, got ${options.speed}`);
  }
  const windowText = options.window ?? fromScenario.window;
  const { startMs, endMs } =
    windowText === undefined
      ? { startMs: scenario.span.startMs, endMs: scenario.span.endMs }
      : parseWindow(windowText, scenario);
  const capMs = options.duration === undefined ? undefined : parseDuration(options.duration);
  const windowMs = endMs - startMs;
  const speed =
    options.speed ??
    (capMs !== undefined ? windowMs / capMs : (fromScenario.speed ?? RUN_TIME_DEFAULTS.speed));
  const durationWallMs = Math.min(windowMs / speed, capMs ?? Number.POSITIVE_INFINITY);
  const endScenarioMs = Math.min(endMs, startMs + durationWallMs * speed);
  return {
    timezone: scenario.timezone,
    speed,
    scale,
    startScenarioMs: startMs,
    endScenarioMs,
    durationWallMs,
    window: {
      from: formatLocal(scenario.timezone, startMs),
      to: formatLocal(scenario.timezone, endScenarioMs),
    },
  };
}

export function wallToScenarioMs(timeline: Timeline, wallMs: number): number {
  return timeline.startScenarioMs + wallMs * timeline.speed;
}

export function scenarioToWallMs(timeline: Timeline, scenarioMs: number): number {
  return (scenarioMs - timeline.startScenarioMs) / timeline.speed;
}

/** A customer's duration (think time, patience) in wall ms; the server's own times are never scaled. */
export function scenarioDurationToWallMs(timeline: Timeline, scenarioMs: number): number {
  return scenarioMs / timeline.speed;
}

/** Simulated arrivals per wall second for a real-scale rate in conversations per minute. */
export function simulatedPerSec(timeline: Timeline, realPerMin: number): number {
  return (realPerMin / 60) * timeline.scale * timeline.speed;
}

/** The real-scale rate (conversations per minute) a simulated rate (per wall second) stands for. */
export function realPerMin(timeline: Timeline, simulatedPerSecond: number): number {
  return (simulatedPerSecond * 60) / (timeline.scale * timeline.speed);
}
