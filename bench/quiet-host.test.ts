import { describe, expect, it } from 'vitest';
import { waitForQuietHost } from './quiet-host.ts';

/** Steal readings from ms stolen in each successive second (2 CPUs: 100 ms of a second is 5%). */
function host(perSecondMs: number[]): {
  readSteal: () => number;
  sleep: () => Promise<void>;
  slept: () => number;
} {
  let total = 0;
  let second = 0;
  return {
    readSteal: () => total,
    sleep: async () => {
      total += perSecondMs[second] ?? 0;
      second++;
    },
    slept: () => second,
  };
}

describe('waiting for a quiet host', () => {
  it('waits until three seconds in a row stole at most the limit', async () => {
    const h = host([300, 250, 40, 60, 300, 10, 100, 0, 500]);
    const r = await waitForQuietHost({ maxStealPct: 5, readSteal: h.readSteal, sleep: h.sleep, cpus: 2 });
    // seconds 3-4 are quiet, 5 is not (15%), 6-8 are (0.5%, exactly 5%, 0%)
    expect(r).toEqual({ waitedSec: 8, quiet: true });
    expect(h.slept()).toBe(8);
  });

  it('gives up after maxWaitSec and says so', async () => {
    const h = host(Array.from({ length: 60 }, (_, i) => (i % 3 === 2 ? 400 : 0)));
    const r = await waitForQuietHost({
      maxStealPct: 5,
      maxWaitSec: 10,
      readSteal: h.readSteal,
      sleep: h.sleep,
      cpus: 2,
    });
    expect(r).toEqual({ waitedSec: 10, quiet: false });
    expect(h.slept()).toBe(10);
  });

  it('does not wait where the steal cannot be read', async () => {
    const h = host([]);
    const r = await waitForQuietHost({ maxStealPct: 5, readSteal: () => null, sleep: h.sleep });
    expect(r).toEqual({ waitedSec: 0, quiet: false });
    expect(h.slept()).toBe(0);
  });
});
