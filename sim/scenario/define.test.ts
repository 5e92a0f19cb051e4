import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { DEFAULT_BEHAVIOUR, DEFAULT_BOT_RESOLUTION, DEFAULT_MIX, DEFAULT_STAFFING } from './defaults.ts';
import { defineScenario, isDefinedScenario } from './define.ts';
import type { ScenarioInput } from './schema.ts';

const nov11 = Date.UTC(2026, 10, 10, 16); // 2026-11-11T00:00+08:00
const H = 3_600_000;

const minimal = {
  name: 'x',
  description: 'test',
  span: '2026-11-11',
  curve: { points: [{ at: '00:00', perMin: 10 }] },
} satisfies ScenarioInput;

function errorOf(input: unknown, source?: string): PeakdeskError {
  try {
    defineScenario(input as ScenarioInput, source);
  } catch (err) {
    if (err instanceof PeakdeskError) return err;
    throw err;
  }
  throw new Error('expected defineScenario to throw');
}

describe('defineScenario', () => {
  it('fills every default and resolves the span in Asia/Shanghai', () => {
    const s = defineScenario(minimal);
    expect(s.timezone).toBe('Asia/Shanghai');
    expect(s.span).toEqual({
      start: '2026-11-11T00:00',
      end: '2026-11-12T00:00',
      startMs: nov11,
      endMs: nov11 + 24 * H,
    });
    expect(s.base).toEqual({ name: 'base', mix: DEFAULT_MIX, behaviour: DEFAULT_BEHAVIOUR });
    expect(s.botResolution).toEqual(DEFAULT_BOT_RESOLUTION);
    expect(s.staffing).toEqual(DEFAULT_STAFFING);
    expect(s.phases).toEqual([]);
    expect(s.run).toEqual({});
    expect(isDefinedScenario(s)).toBe(true);
    expect(isDefinedScenario({ ...s })).toBe(false);
  });

  it('merges mixes, behaviour and staffing field by field', () => {
    const s = defineScenario({
      ...minimal,
      mix: { complaint: 9 },
      behaviour: { patienceSec: 20 },
      phases: [
        {
          name: 'rush',
          from: '00:00',
          to: '01:00',
          mix: { 'promo.rules': 50 },
          behaviour: { angerShare: 0.5 },
        },
      ],
      staffing: { complaints: { concurrency: 2, ahtByConcurrency: [500, 640] } },
    });
    expect(s.base.mix.complaint).toBe(9);
    expect(s.base.mix.greeting).toBe(DEFAULT_MIX.greeting);
    const rush = s.phases[0]!;
    expect(rush.mix['promo.rules']).toBe(50);
    expect(rush.mix.complaint).toBe(9);
    expect(rush.behaviour).toEqual({ ...DEFAULT_BEHAVIOUR, patienceSec: 20, angerShare: 0.5 });
    expect([rush.fromMs, rush.toMs]).toEqual([nov11, nov11 + H]);
    expect(s.staffing.complaints).toEqual({
      ...DEFAULT_STAFFING.complaints,
      concurrency: 2,
      ahtByConcurrency: [500, 640],
    });
  });

  it('resolves bare curve times in order, rolling over midnight in a multi-day span', () => {
    const s = defineScenario({
      ...minimal,
      span: { start: '2026-11-10T20:00', end: '2026-11-11T23:59' },
      curve: {
        interpolation: 'step',
        points: [
          { at: '20:00', perMin: 1 },
          { at: '23:50', perMin: 2, interpolation: 'linear' },
          { at: '00:00:26', perMin: 3 },
          { at: '2026-11-11T20:00', perMin: 4 },
        ],
      },
    });
    expect(s.curve.kind === 'points' && s.curve.points).toEqual([
      { at: '20:00', atMs: nov11 - 4 * H, perMin: 1, interpolation: 'step' },
      { at: '23:50', atMs: nov11 - 600_000, perMin: 2, interpolation: 'linear' },
      { at: '00:00:26', atMs: nov11 + 26_000, perMin: 3, interpolation: 'step' },
      { at: '2026-11-11T20:00', atMs: nov11 + 20 * H, perMin: 4, interpolation: 'step' },
    ]);
  });

  it('sorts phases by time', () => {
    const s = defineScenario({
      ...minimal,
      phases: [
        { name: 'b', from: '20:00', to: '24:00' },
        { name: 'a', from: '08:00', to: '09:00' },
      ],
    });
    expect(s.phases.map((p) => [p.name, p.fromMs - nov11, p.toMs - nov11])).toEqual([
      ['a', 8 * H, 9 * H],
      ['b', 20 * H, 24 * H],
    ]);
  });

  it('accepts a function curve', () => {
    const s = defineScenario({ ...minimal, curve: { perMinAt: (m) => m, maxPerMin: 1440 } });
    expect(s.curve.kind).toBe('function');
  });
});

describe('defineScenario errors name the scenario, the path and the rule', () => {
  const cases: [string, unknown, string][] = [
    [
      'bad time of day',
      {
        ...minimal,
        curve: {
          points: [
            { at: '00:00', perMin: 1 },
            { at: '25:00', perMin: 2 },
          ],
        },
      },
      'scenario "x": curve.points[1].at must look like HH:MM, HH:MM:SS or YYYY-MM-DDTHH:MM[:SS], got "25:00"',
    ],
    [
      'point outside a multi-day span',
      {
        ...minimal,
        span: { start: '2026-11-10T20:00', end: '2026-11-11T23:59' },
        curve: {
          points: [
            { at: '20:00', perMin: 1 },
            { at: '2026-11-12T01:00', perMin: 1 },
          ],
        },
      },
      'scenario "x": curve.points[1].at must be within span 2026-11-10T20:00 .. 2026-11-11T23:59, got "2026-11-12T01:00"',
    ],
    [
      'bare time that rolls past the span',
      {
        ...minimal,
        curve: {
          points: [
            { at: '09:00', perMin: 1 },
            { at: '08:00', perMin: 1 },
          ],
        },
      },
      'scenario "x": curve.points[1].at must be within span 2026-11-11T00:00 .. 2026-11-12T00:00, got "08:00" (resolved to 2026-11-12T08:00)',
    ],
    [
      'dated points out of order',
      {
        ...minimal,
        curve: {
          points: [
            { at: '2026-11-11T09:00', perMin: 1 },
            { at: '2026-11-11T08:00', perMin: 1 },
          ],
        },
      },
      'scenario "x": curve.points[1].at must be after points[0].at (2026-11-11T09:00), got "2026-11-11T08:00"',
    ],
    [
      'negative rate',
      { ...minimal, curve: { points: [{ at: '00:00', perMin: -3 }] } },
      'scenario "x": curve.points[0].perMin must be >= 0, got -3',
    ],
    [
      'empty curve',
      { ...minimal, curve: { points: [] } },
      'scenario "x": curve.points must have at least 1 item(s)',
    ],
    [
      'function curve without a bound',
      { ...minimal, curve: { perMinAt: 3 } },
      'scenario "x": curve.perMinAt must be a function, got 3\nscenario "x": curve.maxPerMin is required (number)',
    ],
    [
      'unknown intent and negative weight',
      { ...minimal, mix: { greeting: -1, shoes: 2 } },
      'scenario "x": mix.greeting must be >= 0, got -1\nscenario "x": mix has unknown key(s) "shoes"',
    ],
    ['typo at the top', { ...minimal, curv: 1 }, 'scenario "x": has unknown key(s) "curv"'],
    [
      'unknown queue',
      { ...minimal, staffing: { vip: { ahtSec: 1 } } },
      'scenario "x": staffing has unknown key(s) "vip"',
    ],
    [
      'bad time zone',
      { ...minimal, timezone: 'Mars/Base' },
      'scenario "x": timezone must be an IANA time zone such as "Asia/Shanghai", got "Mars/Base"',
    ],
    [
      'phase ending before it starts',
      { ...minimal, phases: [{ name: 'a', from: '09:00', to: '2026-11-11T07:00' }] },
      'scenario "x": phases[0].to must be after from (2026-11-11T09:00) and within span 2026-11-11T00:00 .. 2026-11-12T00:00, got "2026-11-11T07:00"',
    ],
    [
      'overlapping phases',
      {
        ...minimal,
        phases: [
          { name: 'a', from: '08:00', to: '10:00' },
          { name: 'c', from: '09:30', to: '11:00' },
        ],
      },
      'scenario "x": phases[1] ("c" 09:30 .. 11:00) overlaps phases[0] ("a" 08:00 .. 10:00)',
    ],
    [
      'ahtByConcurrency of the wrong length',
      { ...minimal, staffing: { presale: { concurrency: 3, ahtByConcurrency: [100, 120] } } },
      'scenario "x": staffing.presale.ahtByConcurrency must have one entry per concurrency level 1..3, got 2',
    ],
    [
      'service level above 100 %',
      { ...minimal, staffing: { presale: { target: { percent: 120, seconds: 30 } } } },
      'scenario "x": staffing.presale.target.percent must be <= 100, got 120',
    ],
    [
      'p90 think time below the median',
      { ...minimal, behaviour: { thinkTimeMedianSec: 20, thinkTimeP90Sec: 10 } },
      'scenario "x": behaviour.thinkTimeP90Sec must be >= thinkTimeMedianSec (20), got 10',
    ],
    [
      'all-zero phase mix',
      {
        ...minimal,
        mix: Object.fromEntries(Object.keys(DEFAULT_MIX).map((k) => [k, 0])),
        phases: [{ name: 'p', from: '01:00', to: '02:00', mix: { greeting: 1 } }],
      },
      'scenario "x": mix must give some intent a weight > 0',
    ],
    [
      'span date that does not exist',
      { ...minimal, span: '2026-02-30' },
      'scenario "x": span names no real date, got "2026-02-30"',
    ],
    [
      'span end before start',
      { ...minimal, span: { start: '2026-11-11T10:00', end: '2026-11-11T09:00' } },
      'scenario "x": span.end must be after span.start (2026-11-11T10:00), got "2026-11-11T09:00"',
    ],
    [
      'default window outside the span',
      { ...minimal, run: { window: '23:00-01:00' } },
      'scenario "x": run.window must lie within the span of scenario "x" (2026-11-11T00:00 .. 2026-11-12T00:00), got "23:00-01:00" (2026-11-11T23:00 .. 2026-11-12T01:00)',
    ],
    [
      'bad name',
      { ...minimal, name: 'Double 11' },
      'scenario "Double 11": name must be lower-case letters, digits, ".", "_" or "-", got "Double 11"',
    ],
  ];

  it.each(cases)('%s', (_label, input, message) => {
    const err = errorOf(input);
    expect(err.message).toBe(message);
    expect(err.exitCode).toBe(2);
  });

  it('names the source when the input has no name', () => {
    expect(errorOf({ description: 'd' }, 'my.json').message).toBe(
      [
        'scenario "my.json": name is required (string)',
        'scenario "my.json": span is required and must be a date YYYY-MM-DD or { start, end } local date-times',
        'scenario "my.json": curve is required and must be { points: [...] } or { perMinAt: (minute) => perMin, maxPerMin }',
      ].join('\n'),
    );
  });
});
