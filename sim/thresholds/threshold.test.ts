import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import {
  evaluateThresholds,
  failingAbortThresholds,
  formatThresholdResult,
  parseThreshold,
  parseThresholds,
  type ThresholdInput,
  thresholdsExitCode,
} from './threshold.ts';

const summary: ThresholdInput = {
  accounting: {
    arrivals: 2000,
    resolved: 1400,
    handedOff: 450,
    abandoned: 80,
    failed: 10,
    dropped: 4,
    inFlightAtStop: 56,
    balanced: true,
  },
  messages: 5000,
  errors: { rate_limited: 30, too_large: 5 },
  botResolution: 1400 / 1940,
  latency: { count: 4965, p50: 12.5, p90: 48, p99: 180.25, p999: 950, max: 1500, mean: 20.125 },
};

function usage(expr: string): string {
  try {
    parseThreshold(expr);
  } catch (err) {
    expect(err).toBeInstanceOf(PeakdeskError);
    expect((err as PeakdeskError).exitCode).toBe(2);
    return (err as PeakdeskError).message;
  }
  throw new Error(`${expr} parsed`);
}

describe('parseThreshold', () => {
  it('turns the documented forms into metric, operator and value in ms or as a fraction', () => {
    expect(parseThreshold('p99<200ms')).toEqual({
      expr: 'p99<200ms',
      metric: 'p99',
      op: '<',
      value: 200,
      abortOnFail: false,
    });
    expect(parseThreshold('p99.9<=1s')).toMatchObject({ metric: 'p99.9', op: '<=', value: 1000 });
    expect(parseThreshold('bot_resolution>0.7')).toMatchObject({
      metric: 'bot_resolution',
      op: '>',
      value: 0.7,
    });
    expect(parseThreshold('dropped<0.1%')).toMatchObject({ metric: 'dropped', op: '<', value: 0.001 });
    expect(parseThreshold('error_rate<1%')).toMatchObject({ metric: 'error_rate', value: 0.01 });
    expect(parseThreshold('abandoned<5%')).toMatchObject({ metric: 'abandoned', value: 0.05 });
    expect(parseThreshold('max<2s')).toMatchObject({ metric: 'max', op: '<', value: 2000 });
    expect(parseThreshold(' avg >= 1500us ')).toMatchObject({
      expr: 'avg >= 1500us',
      metric: 'mean',
      op: '>=',
      value: 1.5,
    });
    expect(parseThreshold('p50<20')).toMatchObject({ value: 20 });
    expect(parseThreshold('p99<2s,abortOnFail')).toEqual({
      expr: 'p99<2s',
      metric: 'p99',
      op: '<',
      value: 2000,
      abortOnFail: true,
    });
  });

  it('rejects malformed expressions with messages naming the expression and the rule', () => {
    expect(usage('p99<<2')).toBe('--threshold "p99<<2": expected METRIC OP VALUE like p99<200ms');
    expect(usage('p99')).toBe('--threshold "p99": expected METRIC OP VALUE like p99<200ms');
    expect(usage('p99<fast')).toBe('--threshold "p99<fast": expected METRIC OP VALUE like p99<200ms');
    expect(usage('p95<1s')).toBe(
      '--threshold "p95<1s": unknown metric "p95"; known: p50, p90, p99, p99.9, max, mean, bot_resolution, dropped, abandoned, failed, handoff, error_rate',
    );
    expect(usage('p99<5%')).toBe('--threshold "p99<5%": p99 is a latency; give a duration like 200ms or 2s');
    expect(usage('dropped<2s')).toBe(
      '--threshold "dropped<2s": dropped is a rate; give a fraction like 0.01 or a percentage like 1%',
    );
    expect(usage('bot_resolution>70')).toBe(
      '--threshold "bot_resolution>70": bot_resolution is a rate between 0 and 1 (0% and 100%), got 70',
    );
    expect(usage('p99<2s,abort')).toBe(
      '--threshold "p99<2s,abort": unknown flag "abort"; the only flag is ",abortOnFail"',
    );
  });
});

describe('evaluateThresholds', () => {
  it('measures each metric as documented and compares with the operator', () => {
    const results = evaluateThresholds(
      parseThresholds([
        'p99<200ms',
        'p99.9<=1s',
        'max<1.5s',
        'bot_resolution>0.7',
        'dropped<0.1%',
        'error_rate<1%',
        'abandoned<5%',
        'failed<=0.5%',
        'handoff<20%',
        'mean<20ms',
        'p50==12.5',
      ]),
      summary,
    );
    expect(results).toEqual([
      { expr: 'p99<200ms', ok: true, actual: 180.25 },
      { expr: 'p99.9<=1s', ok: true, actual: 950 },
      { expr: 'max<1.5s', ok: false, actual: 1500 },
      { expr: 'bot_resolution>0.7', ok: true, actual: 1400 / 1940 },
      { expr: 'dropped<0.1%', ok: false, actual: 0.002 },
      { expr: 'error_rate<1%', ok: true, actual: 0.007 },
      { expr: 'abandoned<5%', ok: true, actual: 0.04 },
      { expr: 'failed<=0.5%', ok: true, actual: 0.005 },
      { expr: 'handoff<20%', ok: false, actual: 0.225 },
      { expr: 'mean<20ms', ok: false, actual: 20.125 },
      { expr: 'p50==12.5', ok: true, actual: 12.5 },
    ]);
  });

  it('fails a threshold whose metric has no data, and the exit code becomes 99', () => {
    const empty: ThresholdInput = {
      ...summary,
      botResolution: null,
      latency: { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 },
    };
    const results = evaluateThresholds(parseThresholds(['p99<200ms', 'bot_resolution>0.7']), empty);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    expect(results.every((r) => Number.isNaN(r.actual))).toBe(true);
    expect(thresholdsExitCode(results)).toBe(99);
  });

  it('gives exit code 0 when all pass, including none at all', () => {
    expect(
      thresholdsExitCode(evaluateThresholds(parseThresholds(['p99<200ms', 'abandoned<5%']), summary)),
    ).toBe(0);
    expect(thresholdsExitCode([])).toBe(0);
  });

  it('aborts only on failing abortOnFail thresholds that have data', () => {
    const thresholds = parseThresholds(['p99<100ms,abortOnFail', 'max<1s', 'bot_resolution>0.9,abortOnFail']);
    expect(failingAbortThresholds(thresholds, summary)).toEqual([
      { expr: 'p99<100ms', ok: false, actual: 180.25 },
      { expr: 'bot_resolution>0.9', ok: false, actual: 1400 / 1940 },
    ]);
    const early: ThresholdInput = {
      ...summary,
      botResolution: null,
      latency: { ...summary.latency, p99: 99.9 },
    };
    expect(failingAbortThresholds(thresholds, early)).toEqual([]);
  });

  it('formats results as k6 prints them', () => {
    const [a, b, c] = evaluateThresholds(
      parseThresholds(['p99<200ms', 'dropped<0.1%', 'bot_resolution>0.7']),
      {
        ...summary,
        botResolution: null,
      },
    );
    expect(formatThresholdResult(a!)).toBe('✓ p99<200ms  p99=180.25ms');
    expect(formatThresholdResult(b!)).toBe('✗ dropped<0.1%  dropped=0.2%');
    expect(formatThresholdResult(c!)).toBe('✗ bot_resolution>0.7  bot_resolution=no data');
  });
});
