// defineScenario: the one entry point for scenario scripts (TypeScript or JSON). Checks the shape with
// zod, then the time semantics, fills every default, and returns a plain validated Scenario.
import { INTENTS, type IntentId, QUEUES, type Queue } from '../../server/bot/types.ts';
import type { CustomerBehaviour } from '../customers/types.ts';
import { PeakdeskError } from '../errors.ts';
import {
  DEFAULT_BASE_PHASE,
  DEFAULT_BEHAVIOUR,
  DEFAULT_BOT_RESOLUTION,
  DEFAULT_MIX,
  DEFAULT_STAFFING,
  DEFAULT_TIMEZONE,
} from './defaults.ts';
import {
  formatLocal,
  isKnownTimezone,
  type LocalTime,
  parseLocalTime,
  resolveLocalTime,
  zonedEpochMs,
} from './local-time.ts';
import { type Problem, scenarioError, zodProblems } from './scenario-error.ts';
import { type ScenarioInput, type StaffingInput, scenarioInputSchema } from './schema.ts';
import { parseWindow } from './timeline.ts';
import type { Curve, CurvePoint, Phase, PhaseSettings, Scenario } from './types.ts';

type ParsedInput = ReturnType<typeof scenarioInputSchema.parse>;

const DAY_MS = 86_400_000;

const defined = new WeakSet<object>();

/** True for a Scenario that defineScenario returned (a module's default export may be either). */
export function isDefinedScenario(value: unknown): value is Scenario {
  return typeof value === 'object' && value !== null && defined.has(value);
}

function nameOf(input: unknown, fallback: string): string {
  if (typeof input === 'object' && input !== null && 'name' in input && typeof input.name === 'string') {
    return input.name;
  }
  return fallback;
}

/** Validates a scenario; `source` names it in errors when it has no usable name (a file path). */
export function defineScenario(input: ScenarioInput, source = 'unnamed'): Scenario {
  const parsed = scenarioInputSchema.safeParse(input, { reportInput: true });
  const name = nameOf(input, source);
  if (!parsed.success) throw scenarioError(name, zodProblems(parsed.error.issues));
  const problems: Problem[] = [];
  const scenario = resolve(parsed.data, problems);
  if (problems.length > 0 || scenario === undefined) throw scenarioError(name, problems);
  if (scenario.run.window !== undefined) checkRunWindow(scenario, scenario.run.window);
  defined.add(scenario);
  return scenario;
}

function resolve(input: ParsedInput, problems: Problem[]): Scenario | undefined {
  const timezone = input.timezone ?? DEFAULT_TIMEZONE;
  if (!isKnownTimezone(timezone)) {
    problems.push({
      path: ['timezone'],
      rule: `must be an IANA time zone such as "Asia/Shanghai", got "${timezone}"`,
    });
    return undefined;
  }
  const span = resolveSpan(input.span, timezone, problems);
  if (span === undefined) return undefined;
  const spanText = `${span.start} .. ${span.end}`;
  const within = (ms: number, allowEnd: boolean): boolean =>
    ms >= span.startMs && (allowEnd ? ms <= span.endMs : ms < span.endMs);

  const curve = resolveCurve(input.curve, timezone, span.startMs, spanText, within, problems);

  const baseMix: Record<IntentId, number> = { ...DEFAULT_MIX, ...input.mix };
  const baseBehaviour: CustomerBehaviour = { ...DEFAULT_BEHAVIOUR, ...input.behaviour };
  const base: PhaseSettings = {
    name: input.basePhase ?? DEFAULT_BASE_PHASE,
    mix: baseMix,
    behaviour: baseBehaviour,
  };
  checkMix(baseMix, ['mix'], problems);
  checkBehaviour(baseBehaviour, ['behaviour'], problems);

  const phases = resolvePhases(input.phases ?? [], { timezone, span, spanText, within }, base, problems);
  const staffing = resolveStaffing(input.staffing ?? {}, problems);

  if (curve === undefined || problems.length > 0) return undefined;
  return {
    name: input.name,
    description: input.description,
    timezone,
    span,
    curve,
    base,
    phases,
    botResolution: { ...DEFAULT_BOT_RESOLUTION, ...input.botResolution },
    staffing,
    run: { ...input.run },
  };
}

interface SpanContext {
  timezone: string;
  span: Scenario['span'];
  spanText: string;
  within(ms: number, allowEnd: boolean): boolean;
}

/** Phases in time order, each merged over the base settings; overlaps are problems. */
function resolvePhases(
  inputs: NonNullable<ParsedInput['phases']>,
  ctx: SpanContext,
  base: PhaseSettings,
  problems: Problem[],
): Phase[] {
  const phases: { p: Phase; i: number }[] = [];
  inputs.forEach((p, i) => {
    const path = ['phases', i];
    const from = parseLocalTime(p.from);
    const to = parseLocalTime(p.to);
    if (from === undefined || to === undefined) {
      problems.push({
        path: [...path, from === undefined ? 'from' : 'to'],
        rule: `names no real date, got "${from === undefined ? p.from : p.to}"`,
      });
      return;
    }
    const fromMs = resolveLocalTime(ctx.timezone, from, ctx.span.startMs);
    const toMs = resolveLocalTime(ctx.timezone, to, fromMs, true);
    if (!ctx.within(fromMs, false)) {
      problems.push({
        path: [...path, 'from'],
        rule: `must be within span ${ctx.spanText}, got "${p.from}"`,
      });
      return;
    }
    if (!ctx.within(toMs, true) || toMs <= fromMs) {
      problems.push({
        path: [...path, 'to'],
        rule: `must be after from (${formatLocal(ctx.timezone, fromMs)}) and within span ${ctx.spanText}, got "${p.to}"`,
      });
      return;
    }
    if (p.name === base.name) {
      problems.push({
        path: [...path, 'name'],
        rule: `must differ from the base phase name, got "${p.name}"`,
      });
    }
    const mix: Record<IntentId, number> = { ...base.mix, ...p.mix };
    const behaviour: CustomerBehaviour = { ...base.behaviour, ...p.behaviour };
    checkMix(mix, [...path, 'mix'], problems);
    checkBehaviour(behaviour, [...path, 'behaviour'], problems);
    phases.push({ p: { name: p.name, from: p.from, to: p.to, fromMs, toMs, mix, behaviour }, i });
  });
  const order = phases.sort((a, b) => a.p.fromMs - b.p.fromMs);
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cur.p.fromMs < prev.p.toMs) {
      problems.push({
        path: ['phases', cur.i],
        rule: `("${cur.p.name}" ${cur.p.from} .. ${cur.p.to}) overlaps phases[${prev.i}] ("${prev.p.name}" ${prev.p.from} .. ${prev.p.to})`,
      });
    }
  }
  return order.map((o) => o.p);
}

function resolveStaffing(
  inputs: NonNullable<ParsedInput['staffing']>,
  problems: Problem[],
): Record<Queue, StaffingInput> {
  const staffing = {} as Record<Queue, StaffingInput>;
  for (const queue of QUEUES) {
    const merged = { ...DEFAULT_STAFFING[queue], ...inputs[queue] } satisfies StaffingInput;
    const levels = merged.ahtByConcurrency;
    if (levels !== undefined && levels.length !== merged.concurrency) {
      problems.push({
        path: ['staffing', queue, 'ahtByConcurrency'],
        rule: `must have one entry per concurrency level 1..${merged.concurrency}, got ${levels.length}`,
      });
    }
    staffing[queue] = merged;
  }
  return staffing;
}

function resolveSpan(
  span: ParsedInput['span'],
  timezone: string,
  problems: Problem[],
): Scenario['span'] | undefined {
  if (typeof span === 'string') {
    const [y, m, d] = span.split('-').map(Number) as [number, number, number];
    const day = parseLocalTime(`${span}T00:00`);
    if (day === undefined) {
      problems.push({ path: ['span'], rule: `names no real date, got "${span}"` });
      return undefined;
    }
    const startMs = zonedEpochMs(timezone, { year: y, month: m, day: d }, 0);
    const endMs = zonedEpochMs(timezone, { year: y, month: m, day: d }, DAY_MS);
    return { start: formatLocal(timezone, startMs), end: formatLocal(timezone, endMs), startMs, endMs };
  }
  const start = parseLocalTime(span.start);
  const end = parseLocalTime(span.end);
  if (start === undefined || end === undefined) {
    problems.push({
      path: ['span', start === undefined ? 'start' : 'end'],
      rule: `names no real date, got "${start === undefined ? span.start : span.end}"`,
    });
    return undefined;
  }
  const startMs = resolveLocalTime(timezone, start, 0);
  const endMs = resolveLocalTime(timezone, end, 0);
  if (endMs <= startMs) {
    problems.push({
      path: ['span', 'end'],
      rule: `must be after span.start (${span.start}), got "${span.end}"`,
    });
    return undefined;
  }
  return { start: span.start, end: span.end, startMs, endMs };
}

function resolveCurve(
  curve: ParsedInput['curve'],
  timezone: string,
  spanStartMs: number,
  spanText: string,
  within: (ms: number, allowEnd: boolean) => boolean,
  problems: Problem[],
): Curve | undefined {
  if ('perMinAt' in curve)
    return { kind: 'function', perMinAt: curve.perMinAt, maxPerMin: curve.maxPerMin, startMs: spanStartMs };
  const defaultInterpolation = curve.interpolation ?? 'linear';
  const points: CurvePoint[] = [];
  let ok = true;
  curve.points.forEach((p, i) => {
    const path = ['curve', 'points', i, 'at'];
    const time: LocalTime | undefined = parseLocalTime(p.at);
    if (time === undefined) {
      problems.push({ path, rule: `names no real date, got "${p.at}"` });
      ok = false;
      return;
    }
    const prev = points[points.length - 1];
    const atMs =
      prev === undefined
        ? resolveLocalTime(timezone, time, spanStartMs)
        : resolveLocalTime(timezone, time, prev.atMs, true);
    if (prev !== undefined && atMs <= prev.atMs) {
      problems.push({
        path,
        rule: `must be after points[${i - 1}].at (${formatLocal(timezone, prev.atMs)}), got "${p.at}"`,
      });
      ok = false;
      return;
    }
    if (!within(atMs, true)) {
      const resolved = formatLocal(timezone, atMs);
      const detail = resolved.startsWith(p.at) ? '' : ` (resolved to ${resolved})`;
      problems.push({ path, rule: `must be within span ${spanText}, got "${p.at}"${detail}` });
      ok = false;
      return;
    }
    points.push({ at: p.at, atMs, perMin: p.perMin, interpolation: p.interpolation ?? defaultInterpolation });
  });
  return ok ? { kind: 'points', points } : undefined;
}

/** The scenario's own default window must name part of its span, as `--window` would. */
function checkRunWindow(scenario: Scenario, window: string): void {
  try {
    parseWindow(window, scenario);
  } catch (err) {
    if (!(err instanceof PeakdeskError)) throw err;
    throw scenarioError(scenario.name, [
      { path: ['run', 'window'], rule: err.message.replace(/^--window /, '') },
    ]);
  }
}

function checkMix(mix: Record<IntentId, number>, path: PropertyKey[], problems: Problem[]): void {
  const total = INTENTS.reduce((sum, id) => sum + mix[id], 0);
  if (!(total > 0)) problems.push({ path, rule: 'must give some intent a weight > 0' });
}

function checkBehaviour(b: CustomerBehaviour, path: PropertyKey[], problems: Problem[]): void {
  if (b.thinkTimeP90Sec < b.thinkTimeMedianSec) {
    problems.push({
      path: [...path, 'thinkTimeP90Sec'],
      rule: `must be >= thinkTimeMedianSec (${b.thinkTimeMedianSec}), got ${b.thinkTimeP90Sec}`,
    });
  }
  if (b.turnsMean > b.maxTurns) {
    problems.push({
      path: [...path, 'turnsMean'],
      rule: `must be <= maxTurns (${b.maxTurns}), got ${b.turnsMean}`,
    });
  }
}
