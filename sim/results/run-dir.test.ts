import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistogramLogReader } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { createLatencyHistogram, recordMs } from '../metrics/latency.ts';
import { openRunDir, runId } from './run-dir.ts';

describe('run folder', () => {
  it('names runs sortably after time, scenario and seed', () => {
    expect(runId(new Date('2026-11-11T00:00:12.345Z'), 'double11 peak', 42)).toBe(
      '20261111-000012-double11_peak-s42',
    );
  });

  it('writes run.json, intervals.jsonl, an HdrHistogram log readable back, and summary.json', () => {
    const base = mkdtempSync(join(tmpdir(), 'peakdesk-'));
    const start = Date.UTC(2026, 10, 11);
    const dir = openRunDir(base, 'r1', start);
    dir.writeRun({ scenario: 'steady', seed: 1 });
    dir.appendInterval({ kind: 'second', t: 1 });
    dir.appendInterval({ kind: 'second', t: 2 });
    const h = createLatencyHistogram();
    recordMs(h, 2);
    recordMs(h, 4);
    dir.appendLatency(h, start, start + 1000);
    dir.writeSummary({ scheduled: 2 });
    dir.close();

    expect(JSON.parse(readFileSync(join(dir.path, 'run.json'), 'utf8'))).toEqual({
      scenario: 'steady',
      seed: 1,
    });
    expect(
      readFileSync(join(dir.path, 'intervals.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { kind: 'second', t: 1 },
      { kind: 'second', t: 2 },
    ]);
    expect(JSON.parse(readFileSync(join(dir.path, 'summary.json'), 'utf8'))).toEqual({
      schemaVersion: 1,
      scheduled: 2,
    });
    const reader = new HistogramLogReader(readFileSync(join(dir.path, 'latency.hlog'), 'utf8'));
    const back = reader.nextIntervalHistogram();
    expect(back?.totalCount).toBe(2);
    expect(back?.maxValue).toBeGreaterThanOrEqual(3998);
    expect(back?.maxValue).toBeLessThanOrEqual(4004);
    expect(reader.nextIntervalHistogram()).toBeNull();
  });
});
