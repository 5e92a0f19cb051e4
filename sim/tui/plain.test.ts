import { describe, expect, it } from 'vitest';
import { earlyFrame, emptyFrame, finishedFrame, spikeFrame } from './fixtures/frames.ts';
import { formatFinalSummary, formatProgressLine, textTable } from './plain.ts';

describe('formatProgressLine', () => {
  it('prints the recorded frames as single lines', () => {
    expect(formatProgressLine(earlyFrame)).toBe(
      '[11-10 22:04:00   1.7%]  arrivals 84/s (real 140/s)  open 114  p50 7.5 ms  p99 29.1 ms  bot 64.2%' +
        '  handoffs 52  agents 425  errors 0  drops 0  late 0',
    );
    expect(formatProgressLine(spikeFrame)).toBe(
      '[11-11 00:00:40  50.3%]  arrivals 588/s (real 980/s)  open 2,167  p50 11.3 ms  p99 194 ms  bot 73.7%' +
        '  handoffs 2,847  agents 2,340  errors 53  drops 58  late 19',
    );
  });
  it('prints dashes before anything was measured or ended', () => {
    expect(formatProgressLine(emptyFrame)).toBe(
      '[11-10 22:00:01   0.0%]  arrivals 0/s (real 0/s)  open 0  p50 —  p99 —  bot —' +
        '  handoffs 0  agents 0  errors 0  drops 0  late 0',
    );
    expect(formatFinalSummary(emptyFrame).split('\n').slice(13, 16)).toEqual([
      '               p50  p90  p99  p99.9  max  mean  replies',
      '  whole run      —    —    —      —    —     —        0',
      '  last second    —    —    —      —    —     —        0',
    ]);
  });
  it('says when the run is paused and before any conversation ended', () => {
    const paused = {
      ...earlyFrame,
      scenario: { ...earlyFrame.scenario, paused: true, speed: 0 },
      bot: { ...earlyFrame.bot, resolution: null },
    };
    expect(formatProgressLine(paused)).toMatch(/^\[11-10 22:04:00 {3}1\.7% PAUSED\] .* bot — {2}/);
  });
  it('has no escape codes and no line breaks', () => {
    for (const f of [earlyFrame, spikeFrame, finishedFrame]) {
      const line = formatProgressLine(f);
      expect(line).not.toContain('\u001b');
      expect(line).not.toContain('\n');
    }
  });
});

describe('formatFinalSummary', () => {
  it('prints the whole summary of a finished run', () => {
    expect(formatFinalSummary(finishedFrame).split('\n')).toEqual([
      'peakdesk · double11-2026 · finished at 11-11 02:00:00 (100.0%) after 240 s · speed ×60 · scale 1:100',
      '',
      'Accounting (simulated conversations)',
      '  scheduled        36,412',
      '  resolved by bot  27,168',
      '  handed off        6,969',
      '  abandoned         1,950',
      '  failed              212  timeout 175, rate_limited 37',
      '  dropped             113',
      '  in flight             0  balanced',
      '  late starts          27',
      '',
      'Latency',
      '                  p50      p90      p99    p99.9      max     mean  replies',
      '  whole run    7.5 ms  26.3 ms  88.6 ms   287 ms   1.41 s  11.9 ms  108,657',
      '  last second  6.8 ms  19.7 ms  35.0 ms  48.2 ms  48.2 ms   8.9 ms      598',
      '',
      'Bot resolution 74.8%',
      '  intent                   volume  resolved  resolution',
      '  logistics.track           9,820     8,928       91.2%',
      '  order.status              5,410     4,643       86.1%',
      '  promo.rules               4,950     3,820       77.4%',
      '  product.stock             3,120     2,606       83.8%',
      '  aftersale.refund          2,860     1,460       51.2%',
      '  product.size              2,240     1,791       80.2%',
      '  aftersale.return          1,980     1,190       60.3%',
      '  promo.coupon_issue        1,530       694       45.5%',
      '  aftersale.price_protect   1,310       520       39.8%',
      '  greeting                  1,120     1,077       96.4%',
      '  payment.issue               780       328       42.2%',
      '  complaint                   640        40        6.3%',
      '  human.request               420         0        0.0%',
      '  other                       232        71       30.9%',
      '',
      'Hand-offs (simulated total, per minute at real scale) and human agents needed (real scale)',
      '  queue       hand-offs  real/min  agents now  peak agents',
      '  presale         2,465       850         186        1,012',
      '  logistics       1,744       610         139          538',
      '  aftersale       2,250       770         172          744',
      '  complaints        510       140          34          161',
      '  all queues      6,969     2,370         531        2,431',
      '  (the all-queue peak is the most agents needed at one time)',
      '',
      "Generator health over the run: slip p99 2.1 ms, worst second's loop lag p99 1.4 ms, 2 drivers",
      'Results: results/20261123-021400-double11-2026',
    ]);
  });
  it('flags an unbalanced account and a stopped run', () => {
    const stopped = {
      ...spikeFrame,
      open: 2000,
      finished: { resultsDir: 'results/x', complete: false },
    };
    const text = formatFinalSummary(stopped);
    expect(text.split('\n')[0]).toBe(
      'peakdesk · double11-2026 · stopped early at 11-11 00:00:40 (50.3%) after 121 s · speed ×60 · scale 1:100',
    );
    expect(text).toContain('\n  in flight         2,000  NOT balanced: off by 167\n');
    expect(text.endsWith('\nResults: results/x (partial: the run was stopped)')).toBe(true);
  });
  it('has no results line before the run has finished', () => {
    const text = formatFinalSummary(spikeFrame);
    expect(text.split('\n')[0]).toContain('· stopped at 11-11 00:00:40');
    expect(text).not.toContain('Results:');
    expect(text).toContain('\nGenerator health: slip p99 ');
  });
  it('has no escape codes', () => {
    for (const f of [earlyFrame, spikeFrame, finishedFrame])
      expect(formatFinalSummary(f)).not.toContain('\u001b');
  });
});

describe('textTable', () => {
  it('pads columns to the widest cell and trims trailing space', () => {
    expect(
      textTable(
        [
          ['a', '1', ''],
          ['bbb', '22', 'x'],
        ],
        ['l', 'r', 'l'],
      ),
    ).toEqual(['  a     1', '  bbb  22  x']);
  });
});
