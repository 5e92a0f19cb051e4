import { describe, expect, it } from 'vitest';
import { parseStealMs, stealPercent } from './host-steal.ts';

describe('host steal', () => {
  it('reads the steal ticks of the aggregate cpu line as ms', () => {
    const stat = 'cpu  2611799 331 372525 2423879 5565 0 75077 66936 0 0\ncpu0 1 2 3 4 5 6 7 8 0 0\n';
    expect(parseStealMs(stat)).toBe(669_360);
  });

  it('refuses text without the aggregate cpu line', () => {
    expect(() => parseStealMs('intr 1 2 3\n')).toThrow('/proc/stat: no aggregate cpu line: "intr 1 2 3"');
  });

  it('gives steal as a share of all CPUs over the interval', () => {
    // 2 cores for 3 s = 6,000 ms of CPU time; 300 ms stolen is 5%.
    expect(stealPercent(1_000, 1_300, 3, 2)).toBe(5);
    expect(stealPercent(1_000, 1_000, 3, 2)).toBe(0);
    expect(stealPercent(1_000, 1_300, 0, 2)).toBe(0);
  });
});
