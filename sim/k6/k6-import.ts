// `peakdesk import k6`: k6's `--out json` lines (one file per runner when distributed) turned into a
// peakdesk results folder, so the same report and staffing plan come out of a k6 run. The metrics are
// the ones the exported script records (k6-script.ts); k6's own dropped_iterations gives the drops.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { usageError } from '../errors.ts';
import { createLatencyHistogram, type Histogram, recordMs, summarizeMs } from '../metrics/latency.ts';
import type {
  IntentCounts,
  IntervalRecord,
  IntervalsLine,
  OutcomeCounts,
  RunMeta,
  RunSummary,
  SecondRecord,
} from '../results/records.ts';
import { runId as makeRunId, openRunDir } from '../results/run-dir.ts';
import { K6_METRICS } from './k6-script.ts';

/** One sample of a k6 JSON output line of type "Point". */
export interface K6Point {
  metric: string;
  /** ms since epoch */
  time: number;
  value: number;
  tags: Record<string, string>;
}

/**
 * Points of a k6 NDJSON output. Metric lines are skipped; a half-written last line (a killed k6) is
 * dropped; any other bad line is an error naming the file and line.
 */
export function parseK6Json(text: string, name = 'k6 JSON'): K6Point[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const points: K6Point[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let row: { type?: unknown; metric?: unknown; data?: { time?: unknown; value?: unknown; tags?: unknown } };
    try {
      row = JSON.parse(line);
    } catch (err) {
      if (i === lines.length - 1) return;
      throw usageError(`${name} line ${i + 1} is not JSON: ${(err as Error).message}`);
    }
    if (row.type === 'Metric') return;
    if (row.type !== 'Point')
      throw usageError(`${name} line ${i + 1}: expected "type":"Metric" or "Point" (k6 run --out json=FILE)`);
    const time = typeof row.data?.time === 'string' ? Date.parse(row.data.time) : Number.NaN;
    if (typeof row.metric !== 'string' || typeof row.data?.value !== 'number' || Number.isNaN(time))
      throw usageError(`${name} line ${i + 1}: a Point needs metric, data.time and a numeric data.value`);
    const tags = (row.data.tags ?? {}) as Record<string, string>;
    points.push({ metric: row.metric, time, value: row.data.value, tags });
  });
  return points;
}

/** Reads one k6 output file (.json or .gz). */
export function readK6File(path: string): K6Point[] {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    throw usageError(`k6 JSON "${path}" cannot be read: ${(err as Error).message}`);
  }
  const text = path.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  return parseK6Json(text, path);
}

export interface K6ImportOptions {
  /** Scenario interval of the interval lines, minutes. @default 15 */
  intervalMinutes?: number;
}

export const k6ImportDefaults = { intervalMinutes: 15 } as const satisfies Required<K6ImportOptions>;

export interface ImportedRun {
  meta: RunMeta;
  lines: IntervalsLine[];
  /** One latency histogram per wall second, for latency.hlog. */
  latency: { startMs: number; endMs: number; histogram: Histogram }[];
  summary: RunSummary;
}

const zeroCounts = (): OutcomeCounts => ({
  arrivals: 0,
  resolved: 0,
  handedOff: 0,
  abandoned: 0,
  failed: 0,
  dropped: 0,
});

const OUTCOME_FIELD: Record<string, keyof OutcomeCounts> = {
  resolved: 'resolved',
  handed_off: 'handedOff',
  abandoned: 'abandoned',
  failed: 'failed',
};

/** "+08:00" → 28 800 000; "Z" or none → 0. */
function offsetOf(iso: string): { ms: number; text: string } {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (m === null) return { ms: 0, text: '+00:00' };
  const sign = m[1] === '-' ? -1 : 1;
  return { ms: sign * (Number(m[2]) * 60 + Number(m[3])) * 60_000, text: `${m[1]}${m[2]}:${m[3]}` };
}

/** An IANA zone for a whole-hour offset (Etc/GMT-8 is +08:00); UTC otherwise. */
export function zoneForOffset(text: string): string {
  const m = /^([+-])(\d{2}):00$/.exec(text);
  if (m === null) return 'UTC';
  const hours = Number(m[2]);
  return hours === 0 ? 'UTC' : `Etc/GMT${m[1] === '+' ? '-' : '+'}${hours}`;
}

function formatOffset(ms: number, offset: { ms: number; text: string }): string {
  return `${new Date(ms + offset.ms).toISOString().slice(0, 19)}${offset.text}`;
}

interface SecondTally {
  counts: OutcomeCounts;
  messages: number;
  errors: Record<string, number>;
  handoffsByQueue: Record<string, number>;
  byIntent: Record<string, IntentCounts>;
  latency: Histogram;
  curve: number | undefined;
}

const bump = (rec: Record<string, number>, key: string, n: number): void => {
  rec[key] = (rec[key] ?? 0) + n;
};

function intentOf(rec: Record<string, IntentCounts>, intent: string): IntentCounts {
  const c = rec[intent] ?? zeroCounts();
  rec[intent] = c;
  return c;
}

function addCounts(into: OutcomeCounts, c: OutcomeCounts): void {
  for (const k of Object.keys(into) as (keyof OutcomeCounts)[]) into[k] += c[k];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The results of a k6 run (all runners' points together) as peakdesk records. Pure. */
export function k6ToRun(points: readonly K6Point[], options: K6ImportOptions = {}): ImportedRun {
  const o = { ...k6ImportDefaults, ...options } satisfies Required<K6ImportOptions>;
  const own = points.filter((p) => p.metric.startsWith('peakdesk_') || p.metric === 'dropped_iterations');
  if (!own.some((p) => p.metric === K6_METRICS.conversations))
    throw usageError(
      `no ${K6_METRICS.conversations} points: is this the --out json of a script from \`peakdesk export k6\`?`,
    );
  const tagged = own.find((p) => p.tags.pd_scenario !== undefined)?.tags ?? {};
  const name = tagged.pd_scenario ?? 'k6';
  const scale = Number(tagged.pd_scale ?? '1');
  const speed = Number(tagged.pd_speed ?? '1');
  const t0 = Math.floor(Math.min(...own.map((p) => p.time)) / 1000) * 1000;
  const tEnd = Math.max(...own.map((p) => p.time));
  const scenarioStartMs = tagged.pd_start === undefined ? t0 : Date.parse(tagged.pd_start);
  const offset = offsetOf(tagged.pd_start ?? 'Z');
  const nSeconds = Math.floor((tEnd - t0) / 1000) + 1;

  const seconds: SecondTally[] = Array.from({ length: nSeconds }, () => ({
    counts: zeroCounts(),
    messages: 0,
    errors: {},
    handoffsByQueue: {},
    byIntent: {},
    latency: createLatencyHistogram(),
    curve: undefined,
  }));
  const total = createLatencyHistogram();
  const byIntentLatency = new Map<string, Histogram>();
  const handoffsByReason: Record<string, number> = {};
  for (const p of [...own].sort((a, b) => a.time - b.time)) {
    const s = seconds[Math.floor((p.time - t0) / 1000)]!;
    const intent = p.tags.intent;
    if (p.metric === K6_METRICS.conversations) {
      s.counts.arrivals += p.value;
      if (intent !== undefined) intentOf(s.byIntent, intent).arrivals += p.value;
    } else if (p.metric === 'dropped_iterations') {
      s.counts.arrivals += p.value;
      s.counts.dropped += p.value;
    } else if (p.metric === K6_METRICS.outcomes) {
      const field = OUTCOME_FIELD[p.tags.outcome ?? ''];
      if (field === undefined)
        throw usageError(`${K6_METRICS.outcomes} point with unknown outcome "${p.tags.outcome}"`);
      s.counts[field] += p.value;
      if (intent !== undefined) intentOf(s.byIntent, intent)[field] += p.value;
    } else if (p.metric === K6_METRICS.messages) {
      s.messages += p.value;
    } else if (p.metric === K6_METRICS.errors) {
      bump(s.errors, p.tags.code ?? 'unknown', p.value);
    } else if (p.metric === K6_METRICS.latency) {
      recordMs(s.latency, p.value);
      recordMs(total, p.value);
      if (intent !== undefined) {
        const h = byIntentLatency.get(intent) ?? createLatencyHistogram();
        byIntentLatency.set(intent, h);
        recordMs(h, p.value);
      }
    } else if (p.metric === K6_METRICS.curve) {
      s.curve = p.value;
    } else if (p.metric.startsWith(K6_METRICS.handoffPrefix)) {
      bump(s.handoffsByQueue, p.metric.slice(K6_METRICS.handoffPrefix.length), p.value);
      if (p.tags.reason !== undefined) bump(handoffsByReason, p.tags.reason, p.value);
    }
  }

  const intervalMs = o.intervalMinutes * 60_000;
  const intervalIndex = (scenarioMs: number): number => Math.floor((scenarioMs + offset.ms) / intervalMs);
  const lines: IntervalsLine[] = [];
  const latency: ImportedRun['latency'] = [];
  let open: { index: number; tallies: SecondTally[] } | undefined;
  const closeInterval = (iv: { index: number; tallies: SecondTally[] }): IntervalRecord => {
    const counts = zeroCounts();
    const handoffsByQueue: Record<string, number> = {};
    const byIntent: Record<string, IntentCounts> = {};
    const h = createLatencyHistogram();
    for (const t of iv.tallies) {
      addCounts(counts, t.counts);
      for (const [q, n] of Object.entries(t.handoffsByQueue)) bump(handoffsByQueue, q, n);
      for (const [i, c] of Object.entries(t.byIntent)) addCounts(intentOf(byIntent, i), c);
      h.add(t.latency);
    }
    const startMs = iv.index * intervalMs - offset.ms;
    const real = Object.fromEntries(
      Object.entries(counts).map(([k, n]) => [k, round2(n / scale)]),
    ) as unknown as OutcomeCounts;
    return {
      kind: 'interval',
      start: formatOffset(startMs, offset),
      end: formatOffset(startMs + intervalMs, offset),
      minutes: o.intervalMinutes,
      ...counts,
      real,
      handoffsByQueue,
      realHandoffsByQueue: Object.fromEntries(
        Object.entries(handoffsByQueue).map(([q, n]) => [q, round2(n / scale)]),
      ),
      byIntent,
      latency: summarizeMs(h),
    };
  };

  let active = 0;
  let curve = 0;
  seconds.forEach((s, i) => {
    const scenarioMs = scenarioStartMs + (i + 1) * 1000 * speed;
    const c = s.counts;
    active += c.arrivals - c.dropped - c.resolved - c.handedOff - c.abandoned - c.failed;
    curve = s.curve ?? curve;
    const second: SecondRecord = {
      kind: 'second',
      t: i + 1,
      scenarioTime: formatOffset(scenarioMs, offset),
      speed,
      ...c,
      realArrivalsPerMin: round2((c.arrivals / scale / speed) * 60),
      curvePerMin: round2(curve),
      messages: s.messages,
      replies: s.latency.totalCount,
      lateStarts: 0,
      active,
      errors: s.errors,
      handoffsByQueue: s.handoffsByQueue,
      latency: summarizeMs(s.latency),
      slipP99Ms: 0,
      loopLagP99Ms: 0,
    };
    lines.push(second);
    latency.push({ startMs: t0 + i * 1000, endMs: t0 + (i + 1) * 1000, histogram: s.latency });
    const index = intervalIndex(scenarioMs - 1);
    if (open !== undefined && open.index !== index) {
      lines.push(closeInterval(open));
      open = undefined;
    }
    open ??= { index, tallies: [] };
    open.tallies.push(s);
  });
  if (open !== undefined) lines.push(closeInterval(open));

  const acc = zeroCounts();
  const errors: Record<string, number> = {};
  const handoffsByQueue: Record<string, number> = {};
  const intentTotals: Record<string, IntentCounts> = {};
  let messages = 0;
  for (const s of seconds) {
    addCounts(acc, s.counts);
    messages += s.messages;
    for (const [k, n] of Object.entries(s.errors)) bump(errors, k, n);
    for (const [k, n] of Object.entries(s.handoffsByQueue)) bump(handoffsByQueue, k, n);
    for (const [k, c] of Object.entries(s.byIntent)) addCounts(intentOf(intentTotals, k), c);
  }
  const ended = (c: OutcomeCounts): number => c.resolved + c.handedOff + c.abandoned + c.failed;
  const byIntent: RunSummary['byIntent'] = {};
  for (const [k, c] of Object.entries(intentTotals)) {
    byIntent[k] = {
      ...c,
      resolution: ended(c) === 0 ? null : c.resolved / ended(c),
      latency: summarizeMs(byIntentLatency.get(k) ?? createLatencyHistogram()),
    };
  }
  const inFlightAtStop = acc.arrivals - acc.dropped - ended(acc);
  const startedAt = new Date(t0);
  const id = makeRunId(startedAt, `k6-${name}`, 0);
  const meta: RunMeta = {
    runId: id,
    scenario: {
      name,
      ref: tagged.pd_ref ?? name,
      description: `imported from k6 --out json (${seconds.length} s)`,
      timezone: zoneForOffset(offset.text),
      start: formatOffset(scenarioStartMs, offset),
      end: formatOffset(scenarioStartMs + nSeconds * 1000 * speed, offset),
    },
    options: {
      speed,
      scale,
      seed: 0,
      target: tagged.pd_target ?? 'k6',
      embeddedServer: false,
      drivers: 0,
      intervalMinutes: o.intervalMinutes,
    },
    startedAt: startedAt.toISOString(),
    versions: { peakdesk: 'k6 import', node: process.version, uws: 'n/a' },
    machine: { platform: 'k6', arch: 'n/a', cpus: 0, cpuModel: 'k6 runners', memoryGiB: 0 },
  };
  const summary: RunSummary = {
    runId: id,
    complete: true,
    endedAt: new Date(tEnd).toISOString(),
    realSeconds: Math.round(tEnd - t0) / 1000,
    scenarioSpan: { start: meta.scenario.start, end: meta.scenario.end },
    accounting: { ...acc, inFlightAtStop, balanced: inFlightAtStop >= 0 },
    messages,
    replies: total.totalCount,
    lateReplies: 0,
    lateStarts: 0,
    errors,
    botResolution: ended(acc) === 0 ? null : acc.resolved / ended(acc),
    handoffsByQueue,
    handoffsByReason,
    byIntent,
    latency: summarizeMs(total),
    slip: summarizeMs(createLatencyHistogram()),
    thresholds: [],
  };
  return { meta, lines, latency, summary };
}

/** Reads k6 output files and writes a results folder under `outDir`; returns its path. */
export function importK6(files: readonly string[], outDir: string, options: K6ImportOptions = {}): string {
  if (files.length === 0) throw usageError('import k6: give at least one k6 JSON file');
  const run = k6ToRun(files.flatMap(readK6File), options);
  const startMs = Date.parse(run.meta.startedAt);
  const dir = openRunDir(outDir, run.meta.runId, startMs);
  try {
    dir.writeRun(run.meta);
    for (const line of run.lines) dir.appendInterval(line);
    for (const l of run.latency) dir.appendLatency(l.histogram, l.startMs, l.endMs);
    dir.writeSummary(run.summary as unknown as Record<string, unknown>);
  } finally {
    dir.close();
  }
  return dir.path;
}
