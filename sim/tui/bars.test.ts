import { describe, expect, it } from 'vitest';
import { bar, foldBuckets } from './bars.ts';

describe('bar', () => {
  it('scales to the width with eighth cells', () => {
    expect(bar(100, 100, 10)).toBe('██████████');
    expect(bar(50, 100, 10)).toBe('█████');
    expect(bar(55, 100, 10)).toBe('█████▌');
    expect(bar(13, 100, 1)).toBe('▏');
  });
  it('shows a sliver for a tiny non-zero value and nothing for zero', () => {
    expect(bar(1, 1_000_000, 20)).toBe('▏');
    expect(bar(0, 100, 20)).toBe('');
    expect(bar(5, 0, 20)).toBe('');
  });
  it('never exceeds the width', () => {
    expect(bar(150, 100, 4)).toBe('████');
  });
});

describe('foldBuckets', () => {
  const buckets = [
    { leMs: 1, count: 0 },
    { leMs: 2, count: 5 },
    { leMs: 4, count: 10 },
    { leMs: 8, count: 20 },
    { leMs: 16, count: 0 },
    { leMs: 32, count: 1 },
    { leMs: 64, count: 0 },
  ];
  it('trims the empty ends', () => {
    expect(foldBuckets(buckets, 10)).toEqual([
      { leMs: 2, count: 5 },
      { leMs: 4, count: 10 },
      { leMs: 8, count: 20 },
      { leMs: 16, count: 0 },
      { leMs: 32, count: 1 },
    ]);
  });
  it('merges neighbours pairwise until it fits, keeping the slower bound', () => {
    expect(foldBuckets(buckets, 3)).toEqual([
      { leMs: 4, count: 15 },
      { leMs: 16, count: 20 },
      { leMs: 32, count: 1 },
    ]);
    expect(foldBuckets(buckets, 2)).toEqual([
      { leMs: 16, count: 35 },
      { leMs: 32, count: 1 },
    ]);
  });
  it('is empty when nothing was measured', () => {
    expect(foldBuckets([{ leMs: 1, count: 0 }], 5)).toEqual([]);
  });
});
