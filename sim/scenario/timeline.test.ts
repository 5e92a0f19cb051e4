import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { defineScenario } from './define.ts';
import {
  parseDuration,
  parseWindow,
  realPerMin,
  resolveTimeline,
  scenarioDurationToWallMs,
  scenarioToWallMs,
  simulatedPerSec,
  wallToScenarioMs,
} from './timeline.ts';

const nov11 = Date.UTC(2026, 10, 10, 16); // 2026-11-11T00:00+08:00
const H = 3_600_000;

const day = defineScenario({
  name: 'day',
  description: 'one day',
  span: '2026-11-11',
  curve: { points: [{ at: '00:00', perMin: 60 }] },
});
const campaign = defineScenario({
  name: 'campaign',
  description: 'two days',
  span: { start: '2026-11-10T20:00', end: '2026-11-12T00:00' },
  curve: { points: [{ at: '20:00', perMin: 60 }] },
  run: { speed: 60, scale: 0.5, window: '23:50-00:30' },
});

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof PeakdeskError && err.exitCode === 2) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
}

describe('resolveTimeline', () => {
  it('plays the whole span at real speed and scale by default', () => {
    expect(resolveTimeline(day)).toEqual({
      timezone: 'Asia/Shanghai',
      speed: 1,
      scale: 1,
      startScenarioMs: nov11,
      endScenarioMs: nov11 + 24 * H,
      durationWallMs: 24 * H,
      window: { from: '2026-11-11T00:00', to: '2026-11-12T00:00' },
    });
  });

  it('compresses 24 h into 2 min at speed 720', () => {
    const tl = resolveTimeline(day, { speed: 720, scale: 0.001 });
    expect(tl.durationWallMs).toBe(120_000);
    expect(wallToScenarioMs(tl, 0)).toBe(nov11);
    expect(wallToScenarioMs(tl, 5_000)).toBe(nov11 + H);
    expect(scenarioToWallMs(tl, nov11 + 12 * H)).toBe(60_000);
    expect(scenarioDurationToWallMs(tl, 36_000)).toBe(50);
  });

  it('converts real-scale rates to simulated ones and back', () => {
    const tl = resolveTimeline(day, { speed: 720, scale: 0.001 });
    // 60,000/min real = 1,000/s; × 0.001 scale × 720 speed = 720/s of wall time.
    expect(simulatedPerSec(tl, 60_000)).toBeCloseTo(720, 9);
    expect(realPerMin(tl, 720)).toBeCloseTo(60_000, 6);
  });

  it('picks a window inside the day', () => {
    const tl = resolveTimeline(day, { window: '20:00-21:30', speed: 10 });
    expect([tl.startScenarioMs - nov11, tl.endScenarioMs - nov11, tl.durationWallMs]).toEqual([
      20 * H,
      21.5 * H,
      540_000,
    ]);
    expect(tl.window).toEqual({ from: '2026-11-11T20:00', to: '2026-11-11T21:30' });
    expect(resolveTimeline(day, { window: '22:00-24:00' }).endScenarioMs).toBe(nov11 + 24 * H);
  });

  it('crosses midnight in a multi-day span and takes the scenario run defaults', () => {
    const tl = resolveTimeline(campaign);
    expect([tl.speed, tl.scale]).toEqual([60, 0.5]);
    expect(tl.window).toEqual({ from: '2026-11-10T23:50', to: '2026-11-11T00:30' });
    expect(tl.durationWallMs).toBe(40_000);
    expect(resolveTimeline(campaign, { window: '2026-11-11T20:00-21:00', speed: 1 }).startScenarioMs).toBe(
      nov11 + 20 * H,
    );
  });

  it('derives the speed that fits the window into --duration when --speed is absent', () => {
    const tl = resolveTimeline(day, { duration: '2m' });
    expect(tl.speed).toBe(720);
    expect(tl.durationWallMs).toBe(120_000);
    expect(resolveTimeline(campaign, { duration: '20s' }).speed).toBe(120);
  });

  it('caps wall time with --duration when --speed is given', () => {
    const tl = resolveTimeline(day, { speed: 720, duration: '30s' });
    expect(tl.durationWallMs).toBe(30_000);
    expect(tl.endScenarioMs).toBe(nov11 + 6 * H);
    expect(tl.window.to).toBe('2026-11-11T06:00');
    expect(resolveTimeline(day, { speed: 720, duration: '1h' }).durationWallMs).toBe(120_000);
  });

  it('rejects bad options with the option and the rule', () => {
    expect(usageMessage(() => resolveTimeline(day, { speed: -2 }))).toBe('--speed must be > 0, got -2');
    expect(usageMessage(() => resolveTimeline(day, { speed: 0 }))).toBe('--speed must be > 0, got 0');
    expect(usageMessage(() => resolveTimeline(day, { scale: 2 }))).toBe(
      '--scale must be > 0 and <= 1, got 2',
    );
    expect(usageMessage(() => resolveTimeline(day, { window: '9-10' }))).toBe(
      '--window must look like HH:MM-HH:MM, got "9-10"',
    );
    expect(usageMessage(() => resolveTimeline(day, { window: '23:00-01:00' }))).toBe(
      '--window must lie within the span of scenario "day" (2026-11-11T00:00 .. 2026-11-12T00:00), got "23:00-01:00" (2026-11-11T23:00 .. 2026-11-12T01:00)',
    );
    expect(usageMessage(() => resolveTimeline(day, { duration: 'soon' }))).toBe(
      '--duration must look like 90s, 15m or 1h30m, got "soon"',
    );
    expect(usageMessage(() => resolveTimeline(day, { duration: '0s' }))).toBe(
      '--duration must be > 0, got "0s"',
    );
  });
});

describe('parseDuration and parseWindow', () => {
  it('reads h/m/s and plain seconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('2.5m')).toBe(150_000);
    expect(parseDuration('45')).toBe(45_000);
    expect(() => parseDuration('')).toThrow('--duration must look like 90s, 15m or 1h30m, got ""');
  });

  it('resolves windows to scenario ms', () => {
    expect(parseWindow('00:00-00:30', campaign)).toEqual({ startMs: nov11, endMs: nov11 + 0.5 * H });
    expect(parseWindow('2026-11-10T20:00-24:00', campaign)).toEqual({ startMs: nov11 - 4 * H, endMs: nov11 });
  });
});
