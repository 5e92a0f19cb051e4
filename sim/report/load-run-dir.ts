// Reads a results folder back for the report: run.json, intervals.jsonl (a killed run may leave a
// half-written last line), latency.hlog, summary.json (absent when the run did not finish: totals are
// then recomputed from the second lines) and staffing.csv when the staffing engine wrote one.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HistogramLogReader } from 'hdr-histogram-js';
import { usageError } from '../errors.ts';
import { createLatencyHistogram, type Histogram, summarizeMs } from '../metrics/latency.ts';
import type {
  IntentCounts,
  IntervalRecord,
  IntervalsLine,
  RunMeta,
  RunSummary,
  SecondRecord,
} from '../results/records.ts';
import { parseStaffingCsv, type StaffingRow, withNoBotPlan } from './staffing-rows.ts';

export type PartialReason = 'no-summary' | 'incomplete' | 'truncated-line';

export interface RunData {
  dir: string;
  meta: RunMeta;
  seconds: SecondRecord[];
  intervals: IntervalRecord[];
  /** Every interval of latency.hlog added up; null when the log is missing or empty. */
  latency: Histogram | null;
  /** From summary.json, or recomputed from the second and interval lines when it is missing. */
  summary: RunSummary;
  /** Why the report is partial; empty for a run that completed. */
  partial: PartialReason[];
  /** staffing.csv, joined with staffing-nobot.csv when present; null when the folder has no plan. */
  staffing: StaffingRow[] | null;
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (err) {
    throw usageError(`${what}: cannot read ${path}: ${(err as Error).message}`);
  }
}

/** Parsed lines; a last line that does not parse (a killed writer) is dropped and reported. */
export function parseIntervalsJsonl(
  text: string,
  path = 'intervals.jsonl',
): { lines: IntervalsLine[]; truncated: boolean } {
  const raw = text.split('\n');
  if (raw.at(-1) === '') raw.pop();
  const lines: IntervalsLine[] = [];
  let truncated = false;
  raw.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      lines.push(JSON.parse(line) as IntervalsLine);
    } catch (err) {
      if (i === raw.length - 1) truncated = true;
      else throw usageError(`${path} line ${i + 1} is not JSON: ${(err as Error).message}`);
    }
  });
  return { lines, truncated };
}

/** All intervals of an HdrHistogram log added into one histogram; a half-written last line is ignored. */
export function readLatencyLog(text: string): Histogram | null {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const reader = new HistogramLogReader(complete);
  const total = createLatencyHistogram();
  let any = false;
  for (let h = reader.nextIntervalHistogram(); h !== null; h = reader.nextIntervalHistogram()) {
    total.add(h);
    any = true;
  }
  return any ? total : null;
}

function addCounts(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}

/** Run totals from the lines of a run that left no summary.json: sums of the per-second counts. */
export function summaryFromLines(
  runId: string,
  seconds: readonly SecondRecord[],
  intervals: readonly IntervalRecord[],
  latency: Histogram | null,
): RunSummary {
  const acc = { arrivals: 0, resolved: 0, handedOff: 0, abandoned: 0, failed: 0, dropped: 0 };
  let messages = 0;
  let replies = 0;
  let lateStarts = 0;
  const errors: Record<string, number> = {};
  const handoffsByQueue: Record<string, number> = {};
  for (const s of seconds) {
    acc.arrivals += s.arrivals;
    acc.resolved += s.resolved;
    acc.handedOff += s.handedOff;
    acc.abandoned += s.abandoned;
    acc.failed += s.failed;
    acc.dropped += s.dropped;
    messages += s.messages;
    replies += s.replies;
    lateStarts += s.lateStarts;
    addCounts(errors, s.errors);
    addCounts(handoffsByQueue, s.handoffsByQueue);
  }
  const byIntentCounts: Record<string, IntentCounts> = {};
  for (const iv of intervals) {
    for (const [intent, c] of Object.entries(iv.byIntent)) {
      const into = byIntentCounts[intent] ?? {
        arrivals: 0,
        resolved: 0,
        handedOff: 0,
        abandoned: 0,
        failed: 0,
        dropped: 0,
      };
      byIntentCounts[intent] = into;
      into.arrivals += c.arrivals;
      into.resolved += c.resolved;
      into.handedOff += c.handedOff;
      into.abandoned += c.abandoned;
      into.failed += c.failed;
      into.dropped += c.dropped;
    }
  }
  const emptyLatency = summarizeMs(createLatencyHistogram());
  const byIntent: RunSummary['byIntent'] = {};
  for (const [intent, c] of Object.entries(byIntentCounts)) {
    const ended = c.resolved + c.handedOff + c.abandoned + c.failed;
    byIntent[intent] = { ...c, resolution: ended === 0 ? null : c.resolved / ended, latency: emptyLatency };
  }
  const ended = acc.resolved + acc.handedOff + acc.abandoned + acc.failed;
  const inFlightAtStop = acc.arrivals - ended - acc.dropped;
  const last = seconds.at(-1);
  return {
    runId,
    complete: false,
    endedAt: '',
    realSeconds: last?.t ?? 0,
    scenarioSpan: { start: seconds[0]?.scenarioTime ?? '', end: last?.scenarioTime ?? '' },
    accounting: { ...acc, inFlightAtStop, balanced: inFlightAtStop >= 0 },
    messages,
    replies,
    lateReplies: 0,
    lateStarts,
    errors,
    botResolution: ended === 0 ? null : acc.resolved / ended,
    handoffsByQueue,
    handoffsByReason: {},
    byIntent,
    latency: latency === null ? emptyLatency : summarizeMs(latency),
    slip: emptyLatency,
    thresholds: [],
  };
}

/** Everything the report needs from a results folder; a folder that is not a run is a usage error. */
export function loadRunDir(dir: string): RunData {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw usageError(`run folder "${dir}" does not exist or is not a folder`);
  const runPath = join(dir, 'run.json');
  const linesPath = join(dir, 'intervals.jsonl');
  if (!existsSync(runPath) || !existsSync(linesPath))
    throw usageError(`"${dir}" is not a peakdesk results folder: it needs run.json and intervals.jsonl`);
  const meta = readJson<RunMeta>(runPath, `run folder "${dir}"`);
  const { lines, truncated } = parseIntervalsJsonl(readFileSync(linesPath, 'utf8'), linesPath);
  const seconds = lines.filter((l): l is SecondRecord => l.kind === 'second');
  const intervals = lines.filter((l): l is IntervalRecord => l.kind === 'interval');
  const hlogPath = join(dir, 'latency.hlog');
  const latency = existsSync(hlogPath) ? readLatencyLog(readFileSync(hlogPath, 'utf8')) : null;
  const summaryPath = join(dir, 'summary.json');
  const partial: PartialReason[] = [];
  let summary: RunSummary;
  if (existsSync(summaryPath)) {
    summary = readJson<RunSummary>(summaryPath, `run folder "${dir}"`);
    if (!summary.complete) partial.push('incomplete');
  } else {
    partial.push('no-summary');
    summary = summaryFromLines(meta.runId, seconds, intervals, latency);
  }
  if (truncated) partial.push('truncated-line');
  const staffingPath = join(dir, 'staffing.csv');
  const noBotPath = join(dir, 'staffing-nobot.csv');
  let staffing = existsSync(staffingPath)
    ? parseStaffingCsv(readFileSync(staffingPath, 'utf8'), staffingPath)
    : null;
  if (staffing !== null && existsSync(noBotPath))
    staffing = withNoBotPlan(staffing, parseStaffingCsv(readFileSync(noBotPath, 'utf8'), noBotPath));
  return { dir, meta, seconds, intervals, latency, summary, partial, staffing };
}
