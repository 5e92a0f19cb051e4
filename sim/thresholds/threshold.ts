// k6-style pass/fail criteria on a run ("p99<200ms", "bot_resolution>0.7", "dropped<0.1%"): parsing
// into a typed form, and evaluation against a run summary or a running snapshot. Pure.
import { ExitCode, type ExitCodeValue, usageError } from '../errors.ts';
import type { RunSummary } from '../results/records.ts';

/**
 * Latency metrics are reply latency in ms, measured from the intended send time (as in the summary):
 * p50, p90, p99, p99.9, max, mean (alias avg). Rate metrics are fractions 0..1:
 * - bot_resolution: resolved ÷ (resolved + handed off + abandoned + failed), conversations that ended;
 * - dropped: dropped ÷ arrivals (conversations whose arrival time came);
 * - abandoned: abandoned ÷ arrivals;
 * - failed: failed ÷ arrivals;
 * - handoff: handed off ÷ arrivals;
 * - error_rate: error frames (every code summed) ÷ customer messages sent.
 * A rate over arrivals or messages is 0 when there were none; latency and bot_resolution have no value
 * (NaN) without replies or ended conversations, and a threshold on a metric without value fails.
 */
export const LATENCY_METRICS = ['p50', 'p90', 'p99', 'p99.9', 'max', 'mean'] as const;
export const RATE_METRICS = [
  'bot_resolution',
  'dropped',
  'abandoned',
  'failed',
  'handoff',
  'error_rate',
] as const;
export type LatencyMetric = (typeof LATENCY_METRICS)[number];
export type RateMetric = (typeof RATE_METRICS)[number];
export type ThresholdMetric = LatencyMetric | RateMetric;

export const OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Threshold {
  /** As written, without the `,abortOnFail` suffix. */
  expr: string;
  metric: ThresholdMetric;
  op: Operator;
  /** Milliseconds for latency metrics, a fraction (0..1) for rate metrics. */
  value: number;
  /** Stop the run as soon as this threshold fails on a running snapshot (k6's abortOnFail). */
  abortOnFail: boolean;
}

export interface ThresholdResult {
  expr: string;
  ok: boolean;
  /** The metric's value in the threshold's units (ms or fraction); NaN when there was nothing to measure. */
  actual: number;
}

/** The part of a run summary thresholds read; a running snapshot fills the same fields. */
export type ThresholdInput = Pick<
  RunSummary,
  'accounting' | 'messages' | 'errors' | 'botResolution' | 'latency'
>;

const ALIASES: Record<string, ThresholdMetric> = {
  avg: 'mean',
  p999: 'p99.9',
  'p99.90': 'p99.9',
  resolution: 'bot_resolution',
  errors: 'error_rate',
  drops: 'dropped',
  handoffs: 'handoff',
  handed_off: 'handoff',
};

const DURATION_UNITS: Record<string, number> = { us: 0.001, µs: 0.001, ms: 1, s: 1000, m: 60_000 };

const SHAPE = /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*(%|us|µs|ms|s|m)?\s*$/;

function isLatency(m: ThresholdMetric): m is LatencyMetric {
  return (LATENCY_METRICS as readonly string[]).includes(m);
}

function resolveMetric(name: string): ThresholdMetric | undefined {
  const lower = name.toLowerCase();
  if (
    (LATENCY_METRICS as readonly string[]).includes(lower) ||
    (RATE_METRICS as readonly string[]).includes(lower)
  )
    return lower as ThresholdMetric;
  return ALIASES[lower];
}

/** Parses one `--threshold` expression; errors are usage errors (exit 2) naming the expression. */
export function parseThreshold(input: string): Threshold {
  const [body = '', ...flags] = input.split(',');
  const where = `--threshold "${input}"`;
  let abortOnFail = false;
  for (const flag of flags) {
    if (flag.trim() === 'abortOnFail') abortOnFail = true;
    else throw usageError(`${where}: unknown flag "${flag.trim()}"; the only flag is ",abortOnFail"`);
  }
  const m = SHAPE.exec(body);
  if (m === null) throw usageError(`${where}: expected METRIC OP VALUE like p99<200ms`);
  const [, name = '', op = '', num = '', unit] = m;
  const metric = resolveMetric(name);
  if (metric === undefined) {
    throw usageError(
      `${where}: unknown metric "${name}"; known: ${[...LATENCY_METRICS, ...RATE_METRICS].join(', ')}`,
    );
  }
  const n = Number(num);
  let value: number;
  if (isLatency(metric)) {
    if (unit === '%') throw usageError(`${where}: ${metric} is a latency; give a duration like 200ms or 2s`);
    value = n * DURATION_UNITS[unit ?? 'ms']!;
  } else {
    if (unit !== undefined && unit !== '%')
      throw usageError(`${where}: ${metric} is a rate; give a fraction like 0.01 or a percentage like 1%`);
    value = unit === '%' ? n / 100 : n;
    if (value < 0 || value > 1)
      throw usageError(
        `${where}: ${metric} is a rate between 0 and 1 (0% and 100%), got ${num}${unit ?? ''}`,
      );
  }
  return { expr: body.trim(), metric, op: op as Operator, value, abortOnFail };
}

export function parseThresholds(inputs: readonly string[]): Threshold[] {
  return inputs.map(parseThreshold);
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d);

/** The metric's value on a summary or snapshot, in ms or as a fraction; NaN when undefined (no data). */
export function metricValue(metric: ThresholdMetric, s: ThresholdInput): number {
  const a = s.accounting;
  switch (metric) {
    case 'p50':
      return s.latency.count === 0 ? Number.NaN : s.latency.p50;
    case 'p90':
      return s.latency.count === 0 ? Number.NaN : s.latency.p90;
    case 'p99':
      return s.latency.count === 0 ? Number.NaN : s.latency.p99;
    case 'p99.9':
      return s.latency.count === 0 ? Number.NaN : s.latency.p999;
    case 'max':
      return s.latency.count === 0 ? Number.NaN : s.latency.max;
    case 'mean':
      return s.latency.count === 0 ? Number.NaN : s.latency.mean;
    case 'bot_resolution':
      return s.botResolution ?? Number.NaN;
    case 'dropped':
      return ratio(a.dropped, a.arrivals);
    case 'abandoned':
      return ratio(a.abandoned, a.arrivals);
    case 'failed':
      return ratio(a.failed, a.arrivals);
    case 'handoff':
      return ratio(a.handedOff, a.arrivals);
    case 'error_rate':
      return ratio(
        Object.values(s.errors).reduce((sum, n) => sum + n, 0),
        s.messages,
      );
  }
}

function compare(actual: number, op: Operator, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '==':
      return actual === value;
    case '!=':
      return actual !== value;
  }
}

/** Every threshold against a summary. A metric with no data (NaN: no replies, no ended conversation) fails. */
export function evaluateThresholds(thresholds: readonly Threshold[], s: ThresholdInput): ThresholdResult[] {
  return thresholds.map((t) => {
    const actual = metricValue(t.metric, s);
    return { expr: t.expr, ok: !Number.isNaN(actual) && compare(actual, t.op, t.value), actual };
  });
}

/**
 * The abortOnFail thresholds that fail on a running snapshot; metrics with no data yet are skipped
 * (an empty first second must not stop a run). Non-empty → stop the run, then exit 99.
 */
export function failingAbortThresholds(
  thresholds: readonly Threshold[],
  snapshot: ThresholdInput,
): ThresholdResult[] {
  return evaluateThresholds(
    thresholds.filter((t) => t.abortOnFail),
    snapshot,
  ).filter((r) => !r.ok && !Number.isNaN(r.actual));
}

/** 99 when any threshold failed (as k6), else 0. */
export function thresholdsExitCode(results: readonly ThresholdResult[]): ExitCodeValue {
  return results.some((r) => !r.ok) ? ExitCode.threshold : ExitCode.ok;
}

/** One line per threshold as k6 prints them: "✓ p99<200ms  p99=143.2ms". */
export function formatThresholdResult(r: ThresholdResult): string {
  const t = parseThreshold(r.expr);
  const shown = Number.isNaN(r.actual)
    ? 'no data'
    : isLatency(t.metric)
      ? `${Number(r.actual.toFixed(3))}ms`
      : `${Number((r.actual * 100).toFixed(3))}%`;
  return `${r.ok ? '✓' : '✗'} ${r.expr}  ${t.metric}=${shown}`;
}
