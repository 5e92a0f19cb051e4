import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { createLatencyHistogram, recordMs } from '../metrics/latency.ts';
import { percentileDistribution } from './charts.ts';
import { registerReportCommand, writeReport } from './cli.ts';
import { fixtureIntervals, writeFixtureRun } from './fixtures/run-folder.ts';
import { collectSamples, risingIntents, topTerms } from './insights.ts';
import { loadRunDir } from './load-run-dir.ts';
import { renderReportHtml } from './render-html.ts';
import { parseStaffingCsv } from './staffing-rows.ts';
import { renderSummaryMd } from './summary-md.ts';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'peakdesk-report-'));

const STAFFING_CSV =
  '\uFEFFInterval Start,Interval End,Queue,Offered Contacts,AHT (s),Erlangs,Raw Agents,Scheduled Agents,Service Level %,ASA (s),Abandon %,Occupancy %,Binding,No-Bot Offered Contacts,No-Bot Raw Agents,No-Bot Scheduled Agents\r\n' +
  '2026-11-11 00:00,2026-11-11 00:15,presale,1400,240,373.33,389,556,80.5,12.1,2.0,84.9,sl,9000,2420,3457\r\n' +
  '2026-11-11 00:00,2026-11-11 00:15,logistics,500,200,111.11,121,173,81.0,10.0,1.5,85.0,occupancy,6000,1350,1929\r\n' +
  '2026-11-11 00:15,2026-11-11 00:30,presale,1400,240,373.33,389,556,80.5,12.1,2.0,84.9,sl,9000,2420,3457\r\n' +
  '2026-11-11 00:15,2026-11-11 00:30,logistics,1200,200,266.67,283,404,80.2,11.0,1.8,84.9,"sl, occupancy",7000,1570,2243\r\n';

function countSvgsWithPaths(html: string): number {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].filter((m) => /<path d="M[^"]+"/.test(m[0])).length;
}

describe('loadRunDir', () => {
  it('reads a completed run: summary as written, every line, the merged latency log', () => {
    const dir = writeFixtureRun(tmp());
    const data = loadRunDir(dir);
    expect(data.partial).toEqual([]);
    expect(data.seconds).toHaveLength(6);
    expect(data.intervals.map((i) => i.start)).toEqual([
      '2026-11-11T00:00:00+08:00',
      '2026-11-11T00:15:00+08:00',
    ]);
    expect(data.latency?.totalCount).toBe(28);
    expect(data.latency?.maxValue).toBeGreaterThanOrEqual(899_500);
    expect(data.latency?.maxValue).toBeLessThanOrEqual(900_500);
    expect(data.summary.accounting.arrivals).toBe(290);
    expect(data.staffing).toBeNull();
  });

  it('recomputes the totals from the lines and skips a cut-off last line when summary.json is missing', () => {
    const dir = writeFixtureRun(tmp(), { summary: false, truncate: true });
    const data = loadRunDir(dir);
    expect(data.partial).toEqual(['no-summary', 'truncated-line']);
    expect(data.seconds).toHaveLength(6);
    const s = data.summary;
    expect(s.complete).toBe(false);
    expect(s.accounting).toEqual({
      arrivals: 290,
      resolved: 210,
      handedOff: 60,
      abandoned: 7,
      failed: 1,
      dropped: 1,
      inFlightAtStop: 11,
      balanced: true,
    });
    expect(s.messages).toBe(395);
    expect(s.replies).toBe(28);
    expect(s.errors).toEqual({ rate_limited: 3 });
    expect(s.handoffsByQueue).toEqual({ presale: 28, logistics: 17, aftersale: 10, complaints: 5 });
    expect(s.botResolution).toBe(210 / 278);
    expect(s.byIntent.complaint).toMatchObject({
      arrivals: 25,
      resolved: 2,
      handedOff: 19,
      abandoned: 3,
      failed: 1,
    });
    expect(s.byIntent.complaint?.resolution).toBe(2 / 25);
    expect(s.latency.count).toBe(28);
    expect(s.realSeconds).toBe(6);
    expect(s.scenarioSpan).toEqual({ start: '2026-11-11T00:05:00+08:00', end: '2026-11-11T00:30:00+08:00' });
  });

  it('rejects a line in the middle that is not JSON, naming the line', () => {
    const dir = writeFixtureRun(tmp());
    const path = join(dir, 'intervals.jsonl');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[1] = '{oops';
    writeFileSync(path, lines.join('\n'));
    expect(() => loadRunDir(dir)).toThrow(`${path} line 2 is not JSON`);
  });

  it('names a folder that is missing or is not a run as a usage error', () => {
    const missing = join(tmp(), 'nope');
    expect(() => loadRunDir(missing)).toThrow(
      new PeakdeskError(`run folder "${missing}" does not exist or is not a folder`, 2),
    );
    const empty = tmp();
    expect(() => loadRunDir(empty)).toThrow(
      `"${empty}" is not a peakdesk results folder: it needs run.json and intervals.jsonl`,
    );
    try {
      loadRunDir(empty);
    } catch (err) {
      expect((err as PeakdeskError).exitCode).toBe(2);
    }
  });
});

describe('staffing.csv', () => {
  it('reads the staffing engine columns and the no-bot plan', () => {
    const rows = parseStaffingCsv(STAFFING_CSV);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual({
      start: '2026-11-11 00:15',
      queue: 'logistics',
      offered: 1200,
      raw: 283,
      scheduled: 404,
      noBot: { offered: 7000, raw: 1570, scheduled: 2243 },
    });
    expect(
      parseStaffingCsv(
        'Interval Start,Queue,Offered Contacts,Raw Agents,Scheduled Agents\n2026-11-11 00:00,presale,10,3,4\n',
      ),
    ).toEqual([{ start: '2026-11-11 00:00', queue: 'presale', offered: 10, raw: 3, scheduled: 4 }]);
  });

  it('joins staffing-nobot.csv onto staffing.csv in a run folder, zero rows for queues only it has', () => {
    const dir = writeFixtureRun(tmp());
    const header = 'Interval Start,Interval End,Queue,Offered Contacts,Raw Agents,Scheduled Agents\r\n';
    writeFileSync(
      join(dir, 'staffing.csv'),
      `${header}2026-11-11 00:00,2026-11-11 00:15,presale,1400,389,556\r\n`,
    );
    writeFileSync(
      join(dir, 'staffing-nobot.csv'),
      `${header}2026-11-11 00:00,2026-11-11 00:15,presale,9000,2420,3457\r\n2026-11-11 00:00,2026-11-11 00:15,complaints,300,90,129\r\n`,
    );
    expect(loadRunDir(dir).staffing).toEqual([
      {
        start: '2026-11-11 00:00',
        queue: 'presale',
        offered: 1400,
        raw: 389,
        scheduled: 556,
        noBot: { offered: 9000, raw: 2420, scheduled: 3457 },
      },
      {
        start: '2026-11-11 00:00',
        queue: 'complaints',
        offered: 0,
        raw: 0,
        scheduled: 0,
        noBot: { offered: 300, raw: 90, scheduled: 129 },
      },
    ]);
  });

  it('names a missing column and a bad number', () => {
    expect(() => parseStaffingCsv('Interval Start,Queue,Offered Contacts,Raw Agents\n')).toThrow(
      'staffing.csv: missing column "Scheduled Agents" (header: Interval Start, Queue, Offered Contacts, Raw Agents)',
    );
    expect(() =>
      parseStaffingCsv(
        'Interval Start,Queue,Offered Contacts,Raw Agents,Scheduled Agents\nx,presale,ten,3,4\n',
      ),
    ).toThrow('staffing.csv line 2: "Offered Contacts" must be a number, got "ten"');
  });
});

describe('insights', () => {
  it('finds intents that rise sharply interval over interval, at real scale', () => {
    const data = loadRunDir(writeFixtureRun(tmp()));
    expect(risingIntents(data.intervals, 0.01)).toEqual([
      { intent: 'complaint', start: '2026-11-11T00:15:00+08:00', from: 500, to: 2000, factor: 4 },
      {
        intent: 'aftersale.price_protect',
        start: '2026-11-11T00:15:00+08:00',
        from: 1500,
        to: 4000,
        factor: 2.67,
      },
    ]);
    expect(risingIntents(data.intervals, 0.01, { factor: 5 })).toEqual([]);
    expect(risingIntents(data.intervals, 0.01, { minCount: 21 })).toEqual([
      {
        intent: 'aftersale.price_protect',
        start: '2026-11-11T00:15:00+08:00',
        from: 1500,
        to: 4000,
        factor: 2.67,
      },
    ]);
    const [first, second] = data.intervals;
    const appeared = {
      ...second!,
      byIntent: { ...second!.byIntent, invoice: { ...second!.byIntent.complaint!, arrivals: 30 } },
    };
    expect(risingIntents([first!, appeared], 0.01)[0]).toEqual({
      intent: 'invoice',
      start: '2026-11-11T00:15:00+08:00',
      from: 0,
      to: 3000,
      factor: null,
    });
  });

  it('counts Chinese character bigrams and English words, once per message', () => {
    const data = loadRunDir(writeFixtureRun(tmp()));
    const samples = collectSamples(data.intervals);
    expect(topTerms(samples.unresolved)).toEqual([
      { term: '满减', count: 3 },
      { term: 'applied', count: 2 },
      { term: 'coupon', count: 2 },
      { term: '价保', count: 2 },
    ]);
    expect(topTerms(samples.angry)).toEqual([
      { term: '快递', count: 3 },
      { term: '投诉', count: 3 },
      { term: 'refund', count: 2 },
      { term: 'terrible', count: 2 },
    ]);
    expect(topTerms(['手机号138****1234不对', '手机号138****5678不对'])).toEqual([
      { term: '不对', count: 2 },
      { term: '手机', count: 2 },
      { term: '机号', count: 2 },
    ]);
  });

  it('masks samples a results folder holds raw before it counts their words', () => {
    const [first] = fixtureIntervals;
    const raw = [
      '送到北京市朝阳区建国路88号 zhangsan@example.com',
      '地址北京市朝阳区建国路88号 邮箱zhangsan@example.com',
    ];
    const samples = collectSamples([{ ...first!, samples: { unresolved: raw, angry: [] } }]);
    expect(samples.unresolved).toEqual([
      '送到北京市朝阳区**** z***@example.com',
      '地址北京市朝阳区**** 邮箱z***@example.com',
    ]);
    expect(topTerms(samples.unresolved)).toEqual([
      { term: 'com', count: 2 },
      { term: 'example', count: 2 },
      { term: '京市', count: 2 },
      { term: '北京', count: 2 },
      { term: '市朝', count: 2 },
      { term: '朝阳', count: 2 },
      { term: '阳区', count: 2 },
    ]);
  });
});

describe('percentile distribution', () => {
  it('walks 5 ticks per halving of the tail up to 1/count, then the max', () => {
    const h = createLatencyHistogram();
    for (let ms = 1; ms <= 100; ms++) recordMs(h, ms);
    const pts = percentileDistribution(h);
    expect(pts).toHaveLength(34 + 1);
    expect(pts[0]).toEqual({ percentile: 0, x: 1, ms: 1 });
    expect(pts[5]).toMatchObject({ percentile: 50, x: 2 });
    expect(pts[5]!.ms).toBeCloseTo(50, 1);
    expect(pts[33]!.x).toBeCloseTo(2 ** (33 / 5), 9);
    expect(pts.at(-1)).toEqual({ percentile: 100, x: 100, ms: h.maxValue / 1000 });
  });
});

describe('renderReportHtml', () => {
  it('shows the run figures, one drawn SVG per chart, and no script or external resource', () => {
    const data = loadRunDir(writeFixtureRun(tmp()));
    const html = renderReportHtml(data, { lang: 'en', staffing: parseStaffingCsv(STAFFING_CSV) });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Traffic: scenario curve vs replayed load');
    expect(html).toContain('<div class="k">Arrivals</div><div class="v">290</div>');
    expect(html).toContain('<div class="k">Bot resolution</div><div class="v">75.5%</div>');
    expect(html).toContain('<div class="k">p99</div><div class="v">900.095 ms</div>');
    expect(html).toContain('290 = 210 + 60 + 7 + 1 + 1 + 11');
    expect(html).toContain('<td>p99&lt;200ms</td><td>900.095 ms</td><td class="bad">FAIL</td>');
    expect(html).toContain('<td>complaint</td><td>2026-11-11T00:15:00+08:00</td><td>500</td><td>2,000</td>');
    expect(html).toContain('<td>×4</td>');
    expect(html).toContain('<td>bot_resolution&gt;0.7</td><td>75.54%</td><td class="ok">pass</td>');
    expect(html).toContain('<td>满减</td><td>3</td>');
    expect(html).toContain('Presale (presale)</td><td>28</td>');
    expect(html).not.toContain('id="partial"');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(countSvgsWithPaths(html)).toBe(6);
    expect(html).toContain('No bot (total)');
  });

  it('writes Chinese headings for lang zh and says how to get a staffing plan when there is none', () => {
    const data = loadRunDir(writeFixtureRun(tmp()));
    const html = renderReportHtml(data, { lang: 'zh' });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<h1>peakdesk 压测报告</h1>');
    expect(html).toContain('流量：场景曲线与实际回放');
    expect(html).toContain('<div class="k">进线会话</div><div class="v">290</div>');
    expect(html).toContain('尚无排班计划');
    expect(html).toContain('售前 (presale)</td><td>28</td>');
    expect(html).not.toContain('Traffic: scenario curve');
    expect(countSvgsWithPaths(html)).toBe(5);
  });

  it('marks a killed run PARTIAL with the reasons, in both languages', () => {
    const data = loadRunDir(writeFixtureRun(tmp(), { summary: false, truncate: true }));
    const en = renderReportHtml(data, { lang: 'en' });
    expect(en).toContain('<div class="banner" id="partial"><strong>PARTIAL');
    expect(en).toContain('summary.json is missing: totals were recomputed from intervals.jsonl.');
    expect(en).toContain('The last line of intervals.jsonl was cut off and was skipped.');
    expect(en).toContain('<div class="k">In flight at stop</div><div class="v">11</div>');
    const zh = renderReportHtml(data, { lang: 'zh' });
    expect(zh).toContain('不完整（PARTIAL）');
    expect(zh).toContain('缺少 summary.json');
  });

  it('escapes text from the run folder', () => {
    const data = loadRunDir(writeFixtureRun(tmp()));
    data.meta.scenario.description = '<img src=x onerror=alert(1)>';
    expect(renderReportHtml(data, { lang: 'en' })).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('summary.md', () => {
  it('has accounting, latency, resolution, hand-offs and thresholds', () => {
    const md = renderSummaryMd(loadRunDir(writeFixtureRun(tmp())), { lang: 'en' });
    expect(md).toContain('# peakdesk load report: fixture-double11-s7');
    expect(md).toContain('| 290 | 210 | 60 | 7 | 1 | 1 | 11 |');
    expect(md).toContain('Bot resolution: **75.5%**');
    expect(md).toContain('| 28 | 15.007 ms | 80.063 ms | 900.095 ms | 900.095 ms | 900 ms | 56.572 ms |');
    expect(md).toContain('| complaint | 25 | 2 | 19 | 8.0% |');
    expect(md).toContain('| Presale (presale) | 28 |');
    expect(md).toContain('| p99<200ms | 900.095 ms | ✗ FAIL |');
    expect(md).not.toContain('PARTIAL');
    const partial = renderSummaryMd(loadRunDir(writeFixtureRun(tmp(), { summary: false })), { lang: 'zh' });
    expect(partial).toContain('> **不完整（PARTIAL）');
    expect(partial).toContain('未设置阈值。');
  });
});

describe('peakdesk report', () => {
  it('writes report.html and summary.md into the folder and prints their paths', async () => {
    const dir = writeFixtureRun(tmp());
    writeFileSync(join(dir, 'staffing.csv'), STAFFING_CSV);
    const program = new Command().exitOverride();
    registerReportCommand(program);
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => {
      out.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync(['report', dir, '--lang', 'en'], { from: 'user' });
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toBe(`${join(dir, 'report.html')}\n${join(dir, 'summary.md')}\n`);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(countSvgsWithPaths(html)).toBe(6);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('| 290 | 210 |');
  });

  it('rejects a bad --lang and a bad folder as usage errors', async () => {
    const program = new Command().exitOverride();
    registerReportCommand(program);
    await expect(program.parseAsync(['report', 'x', '--lang', 'fr'], { from: 'user' })).rejects.toThrow(
      new PeakdeskError('--lang must be one of zh, en, got "fr"', 2),
    );
    const missing = join(tmp(), 'gone');
    expect(() => writeReport(missing)).toThrow(`run folder "${missing}" does not exist or is not a folder`);
    expect(existsSync(missing)).toBe(false);
    rmSync(missing, { force: true });
  });
});
