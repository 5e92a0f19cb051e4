import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { loadRunDir } from '../report/load-run-dir.ts';
import type { IntervalRecord, SecondRecord } from '../results/records.ts';
import { registerK6Commands } from './cli.ts';
import { importK6, k6ToRun, parseK6Json, readK6File, zoneForOffset } from './k6-import.ts';

const SAMPLE = new URL('./fixtures/flash-k6-out.ndjson', import.meta.url).pathname;

describe('k6 JSON output', () => {
  it('yields the Point lines with their time in ms and tags', () => {
    const points = readK6File(SAMPLE);
    expect(points).toHaveLength(43);
    expect(points[3]).toEqual({
      metric: 'peakdesk_curve_per_min',
      time: Date.UTC(2026, 10, 10, 16, 0, 0, 105),
      value: 1200,
      tags: {
        group: '',
        scenario: 'promotion',
        pd_scenario: 'flash',
        pd_scale: '0.01',
        pd_speed: '60',
        pd_start: '2026-11-11T00:00:00+08:00',
      },
    });
  });

  it('drops a half-written last line and names any other bad line', () => {
    const text = readFileSync(SAMPLE, 'utf8');
    expect(parseK6Json(`${text}{"type":"Point","data":{"ti`)).toHaveLength(43);
    const lines = text.split('\n');
    lines[3] = '{"type":"Point"';
    expect(() => parseK6Json(lines.join('\n'), 'out.json')).toThrow(/^out\.json line 4 is not JSON/);
    expect(() => parseK6Json('{"type":"Sample","metric":"x","data":{}}\n', 'out.json')).toThrow(
      'out.json line 1: expected "type":"Metric" or "Point" (k6 run --out json=FILE)',
    );
  });
});

describe('k6ToRun', () => {
  it('counts conversations, outcomes, drops, messages, latency and hand-offs of the recorded sample', () => {
    const run = k6ToRun(readK6File(SAMPLE));
    expect(run.summary.accounting).toEqual({
      arrivals: 8,
      resolved: 2,
      handedOff: 2,
      abandoned: 0,
      failed: 1,
      dropped: 2,
      inFlightAtStop: 1,
      balanced: true,
    });
    expect(run.summary.messages).toBe(7);
    expect(run.summary.replies).toBe(6);
    expect(run.summary.errors).toEqual({ rate_limited: 1 });
    expect(run.summary.botResolution).toBe(0.4);
    expect(run.summary.handoffsByQueue).toEqual({ complaints: 1, aftersale: 1 });
    expect(run.summary.handoffsByReason).toEqual({ anger: 1, request: 1 });
    expect(run.summary.byIntent['logistics.track']).toMatchObject({
      arrivals: 2,
      resolved: 1,
      failed: 1,
      resolution: 0.5,
    });
    expect(run.summary.byIntent['promo.rules']).toMatchObject({ arrivals: 2, resolved: 1, resolution: 1 });
    expect(run.summary.latency.count).toBe(6);
    expect(run.summary.latency.max).toBeCloseTo(245, 0);
    expect(run.summary.realSeconds).toBe(2.7);
    expect(run.meta.options).toMatchObject({ speed: 60, scale: 0.01, intervalMinutes: 15 });
    expect(run.meta.scenario).toMatchObject({
      name: 'flash',
      timezone: 'Etc/GMT-8',
      start: '2026-11-11T00:00:00+08:00',
      end: '2026-11-11T00:03:00+08:00',
    });
    expect(run.meta.runId).toBe('20261110-160000-k6-flash-s0');

    const seconds = run.lines.filter((l): l is SecondRecord => l.kind === 'second');
    expect(
      seconds.map((s) => [
        s.t,
        s.scenarioTime,
        s.arrivals,
        s.resolved,
        s.handedOff,
        s.failed,
        s.dropped,
        s.messages,
        s.replies,
        s.active,
        s.realArrivalsPerMin,
        s.curvePerMin,
      ]),
    ).toEqual([
      [1, '2026-11-11T00:01:00+08:00', 3, 1, 1, 0, 0, 3, 3, 1, 300, 1320],
      [2, '2026-11-11T00:02:00+08:00', 3, 1, 0, 1, 1, 3, 2, 1, 300, 1480],
      [3, '2026-11-11T00:03:00+08:00', 2, 0, 1, 0, 1, 1, 1, 1, 200, 1550],
    ]);
    const intervals = run.lines.filter((l): l is IntervalRecord => l.kind === 'interval');
    expect(intervals).toHaveLength(1);
    expect(intervals[0]).toMatchObject({
      start: '2026-11-11T00:00:00+08:00',
      end: '2026-11-11T00:15:00+08:00',
      arrivals: 8,
      real: { arrivals: 800, resolved: 200, handedOff: 200, abandoned: 0, failed: 100, dropped: 200 },
      realHandoffsByQueue: { complaints: 100, aftersale: 100 },
      byIntent: {
        complaint: { arrivals: 1, resolved: 0, handedOff: 1, abandoned: 0, failed: 0, dropped: 0 },
        'aftersale.refund': { arrivals: 1, resolved: 0, handedOff: 1, abandoned: 0, failed: 0, dropped: 0 },
      },
    });
  });

  it('splits scenario intervals on the local clock', () => {
    const run = k6ToRun(readK6File(SAMPLE), { intervalMinutes: 2 });
    const intervals = run.lines.filter((l): l is IntervalRecord => l.kind === 'interval');
    expect(intervals.map((i) => [i.start, i.arrivals])).toEqual([
      ['2026-11-11T00:00:00+08:00', 6],
      ['2026-11-11T00:02:00+08:00', 2],
    ]);
  });

  it('refuses output that does not come from a peakdesk script', () => {
    expect(() =>
      k6ToRun(
        parseK6Json(
          '{"type":"Point","data":{"time":"2026-11-10T16:00:00Z","value":1,"tags":null},"metric":"vus"}\n',
        ),
      ),
    ).toThrow(
      'no peakdesk_conversations points: is this the --out json of a script from `peakdesk export k6`?',
    );
  });

  it('maps whole-hour offsets to IANA zones', () => {
    expect(zoneForOffset('+08:00')).toBe('Etc/GMT-8');
    expect(zoneForOffset('-05:00')).toBe('Etc/GMT+5');
    expect(zoneForOffset('+00:00')).toBe('UTC');
    expect(zoneForOffset('+05:30')).toBe('UTC');
  });
});

describe('peakdesk import k6', () => {
  it('writes a results folder the report reads back with the same totals', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-k6-import-'));
    const program = new Command().exitOverride();
    registerK6Commands(program, async () => {
      throw new PeakdeskError('not used', 2);
    });
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      printed.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync(['import', 'k6', SAMPLE, '--out', out], { from: 'user' });
    } finally {
      process.stdout.write = write;
    }
    const dir = join(out, '20261110-160000-k6-flash-s0');
    expect(printed.join('')).toBe(`${dir}\n`);
    const data = loadRunDir(dir);
    expect(data.partial).toEqual([]);
    expect(data.seconds).toHaveLength(3);
    expect(data.intervals).toHaveLength(1);
    expect(data.latency?.totalCount).toBe(6);
    expect(data.summary.accounting.arrivals).toBe(8);
  });

  it('merges the files of several runners', () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-k6-import-'));
    const data = loadRunDir(importK6([SAMPLE, SAMPLE], out));
    expect(data.summary.accounting.arrivals).toBe(16);
    expect(data.latency?.totalCount).toBe(12);
  });

  it('names a missing file and a bad --interval', async () => {
    expect(() => importK6(['/nonexistent/out.json'], tmpdir())).toThrow(
      /^k6 JSON "\/nonexistent\/out\.json" cannot be read/,
    );
    const program = new Command().exitOverride();
    registerK6Commands(program, async () => {
      throw new PeakdeskError('not used', 2);
    });
    await expect(
      program.parseAsync(['import', 'k6', SAMPLE, '--interval', '90s'], { from: 'user' }),
    ).rejects.toThrow(new PeakdeskError('--interval must be whole minutes like 15m, got 90s', 2));
  });
});
