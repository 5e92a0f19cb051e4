import { describe, expect, it } from 'vitest';
import {
  fitCell,
  formatBoundMs,
  formatCount,
  formatInt,
  formatLatency,
  formatMs,
  formatPercent,
  formatScale,
  formatSpeed,
  titleRule,
} from './format.ts';

describe('formatCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [3.44, '3.4'],
    [12.34, '12.3'],
    [99.96, '100'],
    [999, '999'],
    [999.4, '999'],
    [999.6, '1.0k'],
    [1234, '1.2k'],
    [12_345, '12.3k'],
    [99_949, '99.9k'],
    [99_950, '100k'],
    [123_456, '123k'],
    [999_499, '999k'],
    [999_500, '1.0M'],
    [1_234_567, '1.2M'],
    [2.5e9, '2.5G'],
    [-1234, '-1.2k'],
  ])('%d → %s', (n, text) => {
    expect(formatCount(n)).toBe(text);
  });
});

describe('formatInt', () => {
  it('rounds and groups thousands', () => {
    expect(formatInt(1234.6)).toBe('1,235');
    expect(formatInt(0)).toBe('0');
  });
});

describe('formatPercent', () => {
  it('keeps one decimal', () => {
    expect(formatPercent(0.78345)).toBe('78.3%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0.0%');
  });
  it('shows a dash before anything ended', () => {
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatMs', () => {
  it.each([
    [0, '0.00 ms'],
    [0.423, '0.42 ms'],
    [0.996, '1.0 ms'],
    [12.44, '12.4 ms'],
    [99.96, '100 ms'],
    [245.6, '246 ms'],
    [999.4, '999 ms'],
    [999.6, '1.00 s'],
    [1234, '1.23 s'],
    [12_345, '12.3 s'],
    [123_456, '123 s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });
});

describe('formatBoundMs', () => {
  it('drops trailing zeros and switches to seconds at 1000 ms', () => {
    expect(formatBoundMs(0.125)).toBe('0.125 ms');
    expect(formatBoundMs(0.5)).toBe('0.5 ms');
    expect(formatBoundMs(12.8)).toBe('12.8 ms');
    expect(formatBoundMs(512)).toBe('512 ms');
    expect(formatBoundMs(1000)).toBe('1 s');
    expect(formatBoundMs(1024)).toBe('1.02 s');
    expect(formatBoundMs(16_384)).toBe('16.4 s');
  });
});

describe('formatScale', () => {
  it('reads as simulated:real', () => {
    expect(formatScale(0.01)).toBe('1:100');
    expect(formatScale(0.003)).toBe('1:333');
    expect(formatScale(1)).toBe('1:1');
    expect(formatScale(2)).toBe('2:1');
  });
});

describe('formatSpeed', () => {
  it('shows the factor or PAUSED', () => {
    expect(formatSpeed(60, false)).toBe('×60');
    expect(formatSpeed(0.5, false)).toBe('×0.5');
    expect(formatSpeed(0, true)).toBe('PAUSED');
  });
});

describe('fitCell', () => {
  it('pads to the width on either side', () => {
    expect(fitCell('ab', 5)).toBe('ab   ');
    expect(fitCell('ab', 5, 'right')).toBe('   ab');
  });
  it('cuts with an ellipsis', () => {
    expect(fitCell('logistics.exception', 10)).toBe('logistics…');
    expect(fitCell('abc', 1)).toBe('…');
    expect(fitCell('abc', 0)).toBe('');
  });
});

describe('titleRule', () => {
  it('fills the width between the title and the right-hand note', () => {
    expect(titleRule('Traffic', 30, 'peak 60.0k/min')).toBe('── Traffic ─ peak 60.0k/min ──');
    expect(titleRule('Bot', 12)).toBe('── Bot ─────');
  });
  it('cuts when the width is too small', () => {
    expect(titleRule('Latency', 8, 'p99')).toBe('── Late…');
  });
});

describe('formatLatency', () => {
  it('shows the value, or a dash when nothing was measured', () => {
    expect(formatLatency({ count: 3 }, 12.44)).toBe('12.4 ms');
    expect(formatLatency({ count: 0 }, 0)).toBe('—');
  });
});
