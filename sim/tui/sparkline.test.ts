import { describe, expect, it } from 'vitest';
import { cursorMarker, sparkChar, sparkline, tailSparkline } from './sparkline.ts';

describe('sparkChar', () => {
  it('maps 0..max onto the 8 levels', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((v) => sparkChar(v, 8)).join('')).toBe('▁▂▃▄▅▆▇██');
  });
  it('is flat when everything is zero', () => {
    expect(sparkChar(0, 0)).toBe('▁');
    expect(sparkChar(5, 0)).toBe('▁');
  });
});

describe('sparkline', () => {
  it('draws one cell per value at equal width', () => {
    expect(sparkline([0, 2, 4, 6, 8], 5, 2)).toEqual({ text: '▁▃▅▇█', cursorCell: 2, max: 8 });
  });
  it('keeps the maximum of each cell when squeezing, so a spike survives', () => {
    const values = [1, 1, 1, 1, 1, 40, 1, 1, 1, 1, 2, 2];
    expect(sparkline(values, 6, 9)).toEqual({ text: '▁▁█▁▁▁', cursorCell: 4, max: 40 });
  });
  it('puts the cursor in the cell whose range holds it', () => {
    const values = Array.from({ length: 120 }, () => 1);
    expect(sparkline(values, 60, 5).cursorCell).toBe(2);
    expect(sparkline(values, 60, 119).cursorCell).toBe(59);
    expect(sparkline(values, 60, 0).cursorCell).toBe(0);
  });
  it('stretches a short series over the width', () => {
    expect(sparkline([0, 8, 4], 6, 1)).toEqual({ text: '▁▁██▅▅', cursorCell: 2, max: 8 });
  });
  it('has no cursor cell when the cursor is outside the series', () => {
    expect(sparkline([1, 2], 2, 5).cursorCell).toBe(-1);
    expect(sparkline([1, 2], 2).cursorCell).toBe(-1);
  });
  it('is empty without values', () => {
    expect(sparkline([], 10, 0)).toEqual({ text: '', cursorCell: -1, max: 0 });
  });
});

describe('tailSparkline', () => {
  it('shows the last width values, scaled to their own maximum', () => {
    expect(tailSparkline([100, 1, 2, 4, 8], 4)).toEqual({ text: '▂▃▅█', cursorCell: -1, max: 8 });
  });
  it('shows fewer cells while the history is short', () => {
    expect(tailSparkline([3, 6], 10).text).toBe('▅█');
  });
});

describe('cursorMarker', () => {
  it('puts the label right of the arrow when it fits', () => {
    expect(cursorMarker(3, 20, '00:03')).toBe('   ▲ 00:03');
  });
  it('puts the label left of the arrow near the right edge', () => {
    expect(cursorMarker(18, 20, '00:03')).toBe('            00:03 ▲');
  });
  it('drops the label when neither side has room', () => {
    expect(cursorMarker(2, 6, 'a long label')).toBe('  ▲');
  });
  it('is empty without a cursor cell', () => {
    expect(cursorMarker(-1, 20, 'x')).toBe('');
  });
});
