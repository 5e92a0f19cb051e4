import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout.ts';

const needs = { queues: 4, histogramSpan: 11 };

describe('layoutFor', () => {
  it('tabs between panel sets in an 80×24 terminal, using the 23 rows it may', () => {
    expect(layoutFor(80, 24, needs)).toEqual({
      mode: 'tabs',
      leftWidth: 80,
      rightWidth: 80,
      curveRows: 2,
      p99Rows: 1,
      histogramRows: 12,
      intentRows: 11,
    });
  });
  it('gives a wide histogram every row it can before the curve gets taller', () => {
    expect(layoutFor(80, 24, { queues: 4, histogramSpan: 20 })).toMatchObject({
      curveRows: 1,
      p99Rows: 1,
      histogramRows: 13,
    });
  });
  it('puts both sets side by side in a wide terminal, with taller charts', () => {
    expect(layoutFor(160, 48, needs)).toEqual({
      mode: 'side',
      leftWidth: 79,
      rightWidth: 79,
      curveRows: 8,
      p99Rows: 4,
      histogramRows: 12,
      intentRows: 35,
    });
    expect(layoutFor(120, 24, needs).mode).toBe('side');
    expect(layoutFor(119, 24, needs).mode).toBe('tabs');
  });
  it('stacks both sets in a narrow but tall terminal', () => {
    expect(layoutFor(80, 32, needs)).toEqual({
      mode: 'stacked',
      leftWidth: 80,
      rightWidth: 80,
      curveRows: 1,
      p99Rows: 1,
      histogramRows: 7,
      intentRows: 5,
    });
    expect(layoutFor(80, 48, needs)).toEqual({
      mode: 'stacked',
      leftWidth: 80,
      rightWidth: 80,
      curveRows: 3,
      p99Rows: 2,
      histogramRows: 12,
      intentRows: 13,
    });
    expect(layoutFor(80, 31, needs).mode).toBe('tabs');
  });
  it('keeps a few rows for the histogram and intents even when the terminal is tiny', () => {
    expect(layoutFor(60, 10, needs)).toMatchObject({
      histogramRows: 4,
      intentRows: 3,
      curveRows: 1,
      p99Rows: 1,
    });
  });
});
