import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../server/bot/types.ts';
import { PeakdeskError } from '../errors.ts';
import { defineScenario } from '../scenario/define.ts';
import { phaseAt } from '../scenario/phases.ts';
import { resolveTimeline } from '../scenario/timeline.ts';
import { createRng } from '../util/rng.ts';
import { type Arrival, arrivalsBetween, createArrivalPlan, expectedArrivals } from './arrivals.ts';

const zeroMix = Object.fromEntries(INTENTS.map((id) => [id, 0]));

// One hour: flat 6,000/min, a linear ramp to 60,000/min, a step down, a quiet tail.
const scenario = defineScenario({
  name: 'arrivals-test',
  description: 'a ramp, a step and three phases',
  span: { start: '2026-11-11T10:00', end: '2026-11-11T11:00' },
  curve: {
    points: [
      { at: '10:00', perMin: 6_000 },
      { at: '10:10', perMin: 6_000 },
      { at: '10:20', perMin: 60_000, interpolation: 'step' },
      { at: '10:30', perMin: 12_000 },
      { at: '10:40', perMin: 0 },
      { at: '10:50', perMin: 0 },
      { at: '11:00', perMin: 3_000 },
    ],
  },
  mix: { ...zeroMix, 'logistics.track': 1 },
  phases: [
    { name: 'rush', from: '10:10', to: '10:30', mix: { ...zeroMix, greeting: 1, complaint: 3 } },
    { name: 'after', from: '10:30', to: '11:00', mix: { 'promo.rules': 1 } },
  ],
});

// speed 60: the hour plays in 60 s of wall time; scale 0.01 of the real volume.
const timeline = resolveTimeline(scenario, { speed: 60, scale: 0.01 });
const planOf = (seed: number) => createArrivalPlan(scenario, timeline, createRng(seed));

function inChunks(seed: number, cuts: number[]): Arrival[] {
  const plan = planOf(seed);
  const out: Arrival[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) out.push(...arrivalsBetween(plan, cuts[i]!, cuts[i + 1]!));
  return out;
}

describe('arrivalsBetween', () => {
  const all = arrivalsBetween(planOf(7), 0, 60_000);

  it('has the expected total: the curve integral at scale', () => {
    // 10·6000 + 10·33000 + 10·60000 + 10·6000 + 0 + 10·1500 = 1,065,000 real → 10,650 at 1 %.
    expect(expectedArrivals(planOf(7), 0, 60_000)).toBeCloseTo(10_650, 6);
    expect(Math.abs(all.length - 10_650)).toBeLessThan(4 * Math.sqrt(10_650));
  });

  it('numbers arrivals 0..n-1 in time order, wall and scenario time agreeing', () => {
    all.forEach((a, i) => {
      expect(a.seq).toBe(i);
      if (i > 0) expect(a.wallMs).toBeGreaterThan(all[i - 1]!.wallMs);
      expect(a.scenarioMs).toBe(timeline.startScenarioMs + a.wallMs * 60);
    });
    expect(all[0]!.wallMs).toBeGreaterThanOrEqual(0);
    expect(all[all.length - 1]!.wallMs).toBeLessThan(60_000);
  });

  it('is the same whatever the chunking, aligned to blocks or not', () => {
    expect(inChunks(7, [0, 1000, 2000, 60_000])).toEqual(all);
    expect(inChunks(7, [0, 333, 334, 1500.5, 9_999, 10_001, 42_000, 60_000])).toEqual(all);
    const steps = Array.from({ length: 601 }, (_, i) => i * 100);
    expect(inChunks(7, steps)).toEqual(all);
  });

  it('gives a late window the same arrivals and seq on a fresh plan (random access)', () => {
    const late = arrivalsBetween(planOf(7), 30_500, 31_700);
    expect(late).toEqual(all.filter((a) => a.wallMs >= 30_500 && a.wallMs < 31_700));
    expect(late.length).toBeGreaterThan(0);
  });

  it('repeats for a seed and differs for another', () => {
    expect(arrivalsBetween(planOf(7), 0, 60_000)).toEqual(all);
    const other = arrivalsBetween(planOf(8), 0, 60_000);
    expect(other.length === all.length && other.every((a, i) => a.wallMs === all[i]!.wallMs)).toBe(false);
  });

  it('follows the curve window by window within Poisson bounds', () => {
    for (const seed of [1, 2, 3]) {
      const plan = planOf(seed);
      for (let from = 0; from < 60_000; from += 5_000) {
        const mu = expectedArrivals(plan, from, from + 5_000);
        const n = arrivalsBetween(plan, from, from + 5_000).length;
        if (mu === 0) expect(n).toBe(0);
        else expect(Math.abs(n - mu)).toBeLessThan(4 * Math.sqrt(mu) + 1);
      }
    }
  });

  it('labels each arrival with its phase and draws intents from that phase only', () => {
    for (const a of all) expect(a.phase).toBe(phaseAt(scenario, a.scenarioMs).name);
    const rush = all.filter((a) => a.phase === 'rush');
    expect(new Set(rush.map((a) => a.intent))).toEqual(new Set(['greeting', 'complaint']));
    const share = rush.filter((a) => a.intent === 'complaint').length / rush.length;
    expect(Math.abs(share - 0.75)).toBeLessThan(4 * Math.sqrt((0.75 * 0.25) / rush.length));
    expect(new Set(all.filter((a) => a.phase === 'base').map((a) => a.intent))).toEqual(
      new Set(['logistics.track']),
    );
  });

  it('draws intent frequencies from a merged mix', () => {
    const after = all.filter((a) => a.phase === 'after');
    expect(after.length).toBeGreaterThan(500);
    expect(new Set(after.map((a) => a.intent))).toEqual(new Set(['logistics.track', 'promo.rules']));
    const promo = after.filter((a) => a.intent === 'promo.rules').length / after.length;
    expect(Math.abs(promo - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / after.length));
  });

  it('returns nothing where the curve is zero, before 0 or past the end', () => {
    const plan = planOf(7);
    expect(arrivalsBetween(plan, 40_000, 50_000)).toEqual([]);
    expect(expectedArrivals(plan, 40_000, 50_000)).toBe(0);
    expect(arrivalsBetween(plan, 60_000, 90_000)).toEqual([]);
    expect(arrivalsBetween(plan, -5_000, 0)).toEqual([]);
    expect(arrivalsBetween(plan, 2_000, 1_000)).toEqual([]);
  });

  it('stops at the --duration cap', () => {
    const capped = resolveTimeline(scenario, { speed: 60, scale: 0.01, duration: '15s' });
    const plan = createArrivalPlan(scenario, capped, createRng(7));
    expect(arrivalsBetween(plan, 0, 60_000)).toEqual(all.filter((a) => a.wallMs < 15_000));
  });
});

describe('function curves', () => {
  const sine = defineScenario({
    name: 'sine',
    description: 'one sine wave per hour',
    span: { start: '2026-11-11T10:00', end: '2026-11-11T11:00' },
    curve: { perMinAt: (m) => 30_000 + 30_000 * Math.sin((2 * Math.PI * m) / 60), maxPerMin: 60_000 },
  });
  const tl = resolveTimeline(sine, { speed: 60, scale: 0.01 });

  it('follows the function within Poisson bounds', () => {
    const plan = createArrivalPlan(sine, tl, createRng(3));
    // First quarter: ∫0^15 (30000 + 30000 sin) dm = 450,000 + 30000·60/(2π) real, × 0.01.
    const mu = 4_500 + 18_000 / (2 * Math.PI) / 1;
    expect(expectedArrivals(plan, 0, 15_000)).toBeCloseTo(mu * 1, 3);
    const n = arrivalsBetween(plan, 0, 15_000).length;
    expect(Math.abs(n - mu)).toBeLessThan(4 * Math.sqrt(mu));
  });

  it('rejects a function that exceeds its declared bound', () => {
    const liar = defineScenario({
      ...{ name: 'liar', description: 'd', span: '2026-11-11' },
      curve: { perMinAt: () => 10, maxPerMin: 5 },
    });
    const plan = createArrivalPlan(liar, resolveTimeline(liar, { speed: 1000 }), createRng(1));
    expect(() => arrivalsBetween(plan, 0, 1000)).toThrow(PeakdeskError);
    expect(() => arrivalsBetween(plan, 0, 1000)).toThrow(
      /^scenario "liar": curve.perMinAt\([\d.]+\) must be within 0 \.\. maxPerMin \(5\), got 10$/,
    );
  });
});

describe('volume', () => {
  // Speed is measured by `node bin/run-ts.js sim/arrivals/bench.ts` (a benchmark), not asserted here.
  it('draws a million arrivals matching the curve', () => {
    // 1,000,000/min real for 10 min at scale 0.1 = 1,000,000 arrivals in 10 s of wall time (10 blocks).
    const flat = defineScenario({
      name: 'flat',
      description: 'flat',
      span: { start: '2026-11-11T10:00', end: '2026-11-11T10:10' },
      curve: { points: [{ at: '10:00', perMin: 1_000_000 }] },
    });
    const timeline = resolveTimeline(flat, { speed: 60, scale: 0.1 });
    const n = arrivalsBetween(createArrivalPlan(flat, timeline, createRng(1)), 0, 10_000).length;
    expect(Math.abs(n - 1_000_000)).toBeLessThan(4_000);
  });
});
