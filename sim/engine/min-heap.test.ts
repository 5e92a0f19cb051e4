import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import { MinHeap } from './min-heap.ts';

describe('MinHeap', () => {
  it('pops items in key order, ties in any order', () => {
    const heap = new MinHeap<string>();
    for (const [k, v] of [
      [5, 'e'],
      [1, 'a'],
      [3, 'c'],
      [2, 'b'],
      [4, 'd'],
    ] as const) {
      heap.push(k, v);
    }
    expect(heap.peekKey()).toBe(1);
    expect([heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop(), heap.pop()]).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      undefined,
    ]);
  });

  it('sorts 10,000 random keys', () => {
    const rng = createRng(3);
    const heap = new MinHeap<number>();
    const keys = Array.from({ length: 10_000 }, () => rng.next());
    for (const k of keys) heap.push(k, k);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop() as number);
    expect(out).toEqual([...keys].sort((a, b) => a - b));
  });
});
