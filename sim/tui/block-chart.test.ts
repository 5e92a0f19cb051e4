import { describe, expect, it } from 'vitest';
import { blockChart, tailBlockChart } from './block-chart.ts';

describe('blockChart', () => {
  it('draws each column as a bar in eighths of a row, top line first', () => {
    expect(blockChart([0, 1, 2, 3, 4], 5, 2)).toEqual({
      lines: ['   ▄█', ' ▄███'],
      cursorCell: -1,
      max: 4,
    });
  });
  it('gives a tiny value at least one eighth', () => {
    expect(blockChart([1, 1000], 2, 3).lines).toEqual([' █', ' █', '▁█']);
  });
  it('keeps the spike of a squeezed series and marks the cursor column', () => {
    const chart = blockChart([1, 1, 1, 1, 9, 1, 1, 1], 4, 2, 5);
    expect(chart.lines).toEqual(['  █ ', '▂▂█▂']);
    expect(chart.cursorCell).toBe(2);
  });
  it('is the plain sparkline one row tall', () => {
    expect(blockChart([0, 2, 4, 6, 8], 5, 1, 2)).toEqual({ lines: ['▁▃▅▇█'], cursorCell: 2, max: 8 });
  });
  it('is blank without values', () => {
    expect(blockChart([], 5, 2)).toEqual({ lines: ['', ''], cursorCell: -1, max: 0 });
  });
});

describe('tailBlockChart', () => {
  it('shows only the last width values', () => {
    expect(tailBlockChart([100, 2, 4], 2, 2)).toEqual({ lines: [' █', '██'], cursorCell: -1, max: 4 });
  });
});
