// The results folder of one run (../shared/DESIGN.md "Results folder contract"), written while the run
// goes so that a killed run still leaves readable data: appends are synchronous, JSON files are
// replaced atomically (write to a temp file, then rename).
import { closeSync, mkdirSync, openSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { HistogramLogWriter } from 'hdr-histogram-js';
import type { Histogram } from '../metrics/latency.ts';

export const SCHEMA_VERSION = 1;

/** `20261111-000012-double11-s42`: sortable, says what ran. */
export function runId(startedAt: Date, scenario: string, seed: number): string {
  const iso = startedAt.toISOString(); // 2026-11-11T00:00:12.345Z
  const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
  return `${stamp}-${scenario.replace(/[^A-Za-z0-9_.-]+/g, '_')}-s${seed}`;
}

export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}

export interface RunDir {
  readonly path: string;
  writeRun(meta: unknown): void;
  appendInterval(record: unknown): void;
  /** One latency interval into latency.hlog; times are ms since epoch. */
  appendLatency(histogram: Histogram, startMs: number, endMs: number, tag?: string): void;
  writeSummary(summary: Record<string, unknown>): void;
  close(): void;
}

export function openRunDir(baseDir: string, id: string, startMs: number): RunDir {
  const path = join(baseDir, id);
  mkdirSync(path, { recursive: true });
  const intervals = openSync(join(path, 'intervals.jsonl'), 'a');
  const hlog = openSync(join(path, 'latency.hlog'), 'a');
  const logWriter = new HistogramLogWriter((text: string) => {
    writeSync(hlog, text);
  });
  logWriter.outputComment('peakdesk reply latency, microseconds, measured from the intended send time');
  logWriter.outputLogFormatVersion();
  logWriter.outputStartTime(startMs);
  logWriter.baseTime = startMs;
  logWriter.outputLegend();
  let closed = false;
  return {
    path,
    writeRun: (meta) => writeJsonAtomic(join(path, 'run.json'), meta),
    appendInterval(record): void {
      writeSync(intervals, `${JSON.stringify(record)}\n`);
    },
    appendLatency(histogram, startMs_, endMs, tag): void {
      histogram.startTimeStampMsec = startMs_;
      histogram.endTimeStampMsec = endMs;
      histogram.tag = tag ?? '';
      logWriter.outputIntervalHistogram(
        histogram,
        (startMs_ - startMs) / 1000,
        (endMs - startMs) / 1000,
        1000,
      );
    },
    writeSummary: (summary) =>
      writeJsonAtomic(join(path, 'summary.json'), { schemaVersion: SCHEMA_VERSION, ...summary }),
    close(): void {
      if (closed) return;
      closed = true;
      closeSync(intervals);
      closeSync(hlog);
    },
  };
}
