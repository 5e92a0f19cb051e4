// Every built-in loads through loadScenario and keeps the real-scale volumes its comments promise.
import { describe, expect, it } from 'vitest';
import { arrivalsBetween, createArrivalPlan, expectedArrivals } from '../sim/arrivals/arrivals.ts';
import { curveIntegral, perMinAt } from '../sim/scenario/curve.ts';
import { BUILTIN_SCENARIOS, loadScenario } from '../sim/scenario/load.ts';
import { phaseAt } from '../sim/scenario/phases.ts';
import { resolveTimeline } from '../sim/scenario/timeline.ts';
import type { Scenario } from '../sim/scenario/types.ts';
import { createRng } from '../sim/util/rng.ts';

const at = (local: string): number => {
  const [date, time] = local.split('T') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, sec = 0] = time.split(':').map(Number) as [number, number, number?];
  return Date.UTC(y, mo - 1, d, h - 8, mi, sec); // all built-ins are in Asia/Shanghai (UTC+8)
};
const total = (s: Scenario): number => curveIntegral(s.curve, s.span.startMs, s.span.endMs);

describe('built-in scenarios', () => {
  it.each(BUILTIN_SCENARIOS)('%s loads, runs by its own defaults, and draws arrivals', async (name) => {
    const s = await loadScenario(name);
    expect(s.name).toBe(name);
    expect(s.timezone).toBe('Asia/Shanghai');
    const timeline = resolveTimeline(s);
    const plan = createArrivalPlan(s, timeline, createRng(1));
    const mu = expectedArrivals(plan, 0, timeline.durationWallMs);
    const n = arrivalsBetween(plan, 0, timeline.durationWallMs).length;
    expect(Math.abs(n - mu)).toBeLessThan(4 * Math.sqrt(mu));
  });

  it('double11: 24 h of 11 Nov, ~317 M conversations, a 10× midnight crest in 20 s, a 20:00 wave', async () => {
    const s = await loadScenario('double11');
    expect([s.span.start, s.span.end]).toEqual(['2026-11-11T00:00', '2026-11-12T00:00']);
    expect(Math.round(total(s))).toBe(317_030_833);
    expect(perMinAt(s.curve, at('2026-11-11T00:00:20')) / perMinAt(s.curve, at('2026-11-11T00:00'))).toBe(10);
    expect(perMinAt(s.curve, at('2026-11-11T01:00'))).toBeLessThan(0.2 * 2_400_000);
    expect(perMinAt(s.curve, at('2026-11-11T05:00'))).toBe(55_000);
    expect(perMinAt(s.curve, at('2026-11-11T20:00:30'))).toBe(900_000);
    expect(phaseAt(s, at('2026-11-11T00:00:30')).name).toBe('midnight-rush');
    expect(phaseAt(s, at('2026-11-11T04:00')).name).toBe('night');
    expect(phaseAt(s, at('2026-11-11T20:05')).name).toBe('final-payment-wave');
    expect(phaseAt(s, at('2026-11-11T23:00')).name).toBe('evening');
    const share = (phase: string, prefix: string): number => {
      const mix = s.phases.find((p) => p.name === phase)?.mix ?? s.base.mix;
      const all = Object.values(mix).reduce((a, b) => a + b, 0);
      const part = Object.entries(mix)
        .filter(([k]) => k.startsWith(prefix))
        .reduce((a, [, v]) => a + v, 0);
      return part / all;
    };
    expect(share('night', 'aftersale')).toBeLessThan(share('morning-aftersale', 'aftersale'));
    expect(share('morning-aftersale', 'aftersale')).toBeLessThan(share('afternoon-aftersale', 'aftersale'));
    expect(share('midnight-rush', 'promo')).toBeGreaterThan(3 * share('evening', 'promo'));
    // At its own defaults (speed 720, scale 0.00002) the day plays in 2 minutes with ~6,340 arrivals.
    const timeline = resolveTimeline(s);
    expect(timeline.durationWallMs).toBe(120_000);
    expect(expectedArrivals(createArrivalPlan(s, timeline, createRng(1)), 0, 120_000)).toBeCloseTo(
      6_340.62,
      1,
    );
  });

  it('double11-peak: 23:50–00:30 at real speed, ~35 M conversations', async () => {
    const s = await loadScenario('double11-peak');
    expect([s.span.start, s.span.end]).toEqual(['2026-11-10T23:50', '2026-11-11T00:30']);
    expect(Math.round(total(s))).toBe(34_957_333);
    expect(resolveTimeline(s).durationWallMs).toBe(40 * 60_000);
    const double11 = await loadScenario('double11');
    for (const t of ['00:00:10', '00:00:20', '00:07', '00:29']) {
      expect(perMinAt(s.curve, at(`2026-11-11T${t}`))).toBe(perMinAt(double11.curve, at(`2026-11-11T${t}`)));
    }
  });

  it('618: 28 h from 20:00 on 17 June, ~134 M conversations, ~2.8 M in the first 10 minutes', async () => {
    const s = await loadScenario('618');
    expect([s.span.start, s.span.end]).toEqual(['2026-06-17T20:00', '2026-06-19T00:00']);
    expect(Math.round(total(s))).toBe(134_473_750);
    expect(Math.round(curveIntegral(s.curve, at('2026-06-17T20:00'), at('2026-06-17T20:10')))).toBe(
      2_775_000,
    );
    expect(perMinAt(s.curve, at('2026-06-18T00:00:30'))).toBe(280_000);
    expect(phaseAt(s, at('2026-06-18T21:00')).name).toBe('final-push');
  });

  it('flash-sale: 09:50–10:10, a 20× crest 5 s after 10:00, back to base by 10:05', async () => {
    const s = await loadScenario('flash-sale');
    expect(Math.round(total(s))).toBe(1_367_083);
    expect(perMinAt(s.curve, at('2026-11-11T10:00:05')) / perMinAt(s.curve, at('2026-11-11T10:00'))).toBe(20);
    expect(perMinAt(s.curve, at('2026-11-11T10:05'))).toBe(30_000);
  });

  it('steady: one flat hour of 30,000/min = 1.8 M', async () => {
    const s = await loadScenario('steady');
    expect(total(s)).toBe(1_800_000);
    expect(perMinAt(s.curve, at('2026-03-10T10:59:59'))).toBe(30_000);
  });
});
