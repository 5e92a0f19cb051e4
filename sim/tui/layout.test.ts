import { describe, expect, it } from 'vitest';
import { layoutFor } from './layout.ts';

describe('layoutFor', () => {
  it('tabs between panel sets in an 80×24 terminal, using the 23 rows it may', () => {
    expect(layoutFor(80, 24, 4)).toEqual({
      mode: 'tabs',
      leftWidth: 80,
      rightWidth: 80,
      histogramRows: 13,
      intentRows: 11,
    });
  });
  it('puts both sets side by side in a wide terminal', () => {
    expect(layoutFor(160, 48, 4)).toEqual({
      mode: 'side',
      leftWidth: 79,
      rightWidth: 79,
      histogramRows: 37,
      intentRows: 35,
    });
    expect(layoutFor(120, 24, 4).mode).toBe('side');
    expect(layoutFor(119, 24, 4).mode).toBe('tabs');
  });
  it('stacks both sets in a narrow but tall terminal', () => {
    expect(layoutFor(80, 32, 4)).toEqual({
      mode: 'stacked',
      leftWidth: 80,
      rightWidth: 80,
      histogramRows: 7,
      intentRows: 5,
    });
    expect(layoutFor(80, 48, 4)).toEqual({
      mode: 'stacked',
      leftWidth: 80,
      rightWidth: 80,
      histogramRows: 15,
      intentRows: 13,
    });
    expect(layoutFor(80, 31, 4).mode).toBe('tabs');
  });
  it('keeps a few rows for the histogram and intents even when the terminal is tiny', () => {
    const tiny = layoutFor(60, 10, 4);
    expect(tiny.histogramRows).toBe(4);
    expect(tiny.intentRows).toBe(3);
  });
});
