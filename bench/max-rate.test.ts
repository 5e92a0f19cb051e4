import { describe, expect, it } from 'vitest';
import { type StepResult, searchMaxRate } from './max-rate.ts';

/** A step at `perSec` that held or not, with the steal given; the other figures do not matter here. */
function step(perSec: number, ok: boolean, stealPct = 0): StepResult {
  return {
    offeredPerSec: perSec,
    achievedPerSec: perSec,
    latency: { count: 1, p50: 1, p90: 1, p99: ok ? 1 : 20, p999: 1, max: 1, mean: 1 },
    failed: 0,
    dropped: 0,
    slipP99Ms: 0,
    stealPct,
    ok,
  };
}

/** Runs the search over scripted outcomes: for each rate, the (ok, steal) of its successive tries. */
async function search(script: Record<number, [boolean, number][]>, o = {}) {
  const tries: string[] = [];
  const result = await searchMaxRate(
    { startPerSec: 1000, factor: 2, ceilingPerSec: 8000, refineSteps: 0, ...o },
    async (rate) => {
      const next = script[rate]?.shift() ?? [true, 0];
      tries.push(`${rate}${next[0] ? '' : ' miss'}${next[1] > 0 ? ` steal ${next[1]}` : ''}`);
      return step(rate, next[0], next[1]);
    },
  );
  return { max: result.maxPerSec, steps: result.steps.length, tries };
}

describe('max-rate search', () => {
  it('steps up to the ceiling while every step holds', async () => {
    expect(await search({})).toEqual({ max: 8000, steps: 4, tries: ['1000', '2000', '4000', '8000'] });
  });

  it('runs a missed step once more and stops at the second miss in a row', async () => {
    const r = await search({
      4000: [
        [false, 0],
        [false, 1],
      ],
    });
    expect(r).toEqual({ max: 2000, steps: 4, tries: ['1000', '2000', '4000 miss', '4000 miss steal 1'] });
    const again = await search({
      4000: [
        [false, 0],
        [true, 0],
      ],
    });
    expect(again.max).toBe(8000);
  });

  it('does not count a miss while the host stole more than the limit, up to the reruns allowed', async () => {
    // Steal exactly at the limit (5%) counts as a miss; above it is a rerun.
    const atLimit = await search({
      2000: [
        [false, 5],
        [false, 5],
      ],
    });
    expect(atLimit.tries).toEqual(['1000', '2000 miss steal 5', '2000 miss steal 5']);
    expect(atLimit.max).toBe(1000);
    const disturbed = await search({
      2000: [
        [false, 30],
        [false, 12],
        [false, 0],
        [true, 0],
      ],
    });
    expect(disturbed.tries.slice(0, 5)).toEqual([
      '1000',
      '2000 miss steal 30',
      '2000 miss steal 12',
      '2000 miss',
      '2000',
    ]);
    expect(disturbed.max).toBe(8000);
  });

  it('runs beforeRerun before each disturbed rerun, and not before a counted miss is run again', async () => {
    const outcomes: [boolean, number][] = [
      [true, 0],
      [false, 30],
      [false, 12],
      [false, 0],
      [true, 0],
    ];
    const log: string[] = [];
    await searchMaxRate(
      {
        startPerSec: 1000,
        factor: 2,
        ceilingPerSec: 2000,
        refineSteps: 0,
        beforeRerun: async () => {
          log.push('wait');
        },
      },
      async (rate) => {
        const [ok, steal] = outcomes.shift() ?? [true, 0];
        log.push(`${rate}${ok ? '' : ' miss'}${steal > 0 ? ` steal ${steal}` : ''}`);
        return step(rate, ok, steal);
      },
    );
    expect(log).toEqual([
      '1000',
      '2000 miss steal 30',
      'wait',
      '2000 miss steal 12',
      'wait',
      '2000 miss',
      '2000',
    ]);
  });

  it('counts disturbed misses once the reruns are used up', async () => {
    const r = await search(
      {
        2000: [
          [false, 30],
          [false, 30],
          [false, 30],
        ],
      },
      { disturbedReruns: 1 },
    );
    expect(r.tries).toEqual(['1000', '2000 miss steal 30', '2000 miss steal 30', '2000 miss steal 30']);
    expect(r.max).toBe(1000);
  });

  it('refines between the last rate that held and the one that missed, halving the gap geometrically', async () => {
    // 4000 held, 8000 missed twice: sqrt(4000 × 8000) = 5657 holds, then sqrt(5657 × 8000) = 6727 misses.
    const r = await search(
      {
        8000: [
          [false, 0],
          [false, 0],
        ],
        6727: [
          [false, 0],
          [false, 0],
        ],
      },
      { ceilingPerSec: 16000, refineSteps: 2 },
    );
    expect(r.tries).toEqual([
      '1000',
      '2000',
      '4000',
      '8000 miss',
      '8000 miss',
      '5657',
      '6727 miss',
      '6727 miss',
    ]);
    expect(r.max).toBe(5657);
  });

  it('does not refine when the first rate misses or the ceiling is reached', async () => {
    const first = await search(
      {
        1000: [
          [false, 0],
          [false, 0],
        ],
      },
      { refineSteps: 2 },
    );
    expect(first).toEqual({ max: 0, steps: 2, tries: ['1000 miss', '1000 miss'] });
    expect((await search({}, { refineSteps: 2 })).tries).toEqual(['1000', '2000', '4000', '8000']);
  });
});
