// The run's arrival stream: a non-homogeneous Poisson process that follows the scenario's curve, drawn
// by thinning (Lewis–Shedler) in fixed blocks of wall time, each from its own fork of the seeded Rng,
// so any window of it comes out the same however the run asks for it.
import { INTENTS, type IntentId } from '../../server/bot/types.ts';
import { usageError } from '../errors.ts';
import { curveIntegral, curveMax, pointIndexAt, valueInSegment } from '../scenario/curve.ts';
import { phaseIndexAt } from '../scenario/phases.ts';
import type { Timeline } from '../scenario/timeline.ts';
import type { PhaseSettings, Scenario } from '../scenario/types.ts';
import type { Rng } from '../util/rng.ts';

export interface Arrival {
  /** Intended start, wall ms from the run's start. */
  wallMs: number;
  /** Scenario time, epoch ms. */
  scenarioMs: number;
  intent: IntentId;
  phase: string;
  /** Position in the run's arrival stream: 0, 1, 2, … in time order. */
  seq: number;
}

export interface ArrivalPlanOptions {
  /** Wall ms per block; each block draws from rng.fork(blockIndex). Changing it changes the stream. @default 1000 */
  blockWallMs?: number;
}

export const ARRIVAL_PLAN_DEFAULTS = { blockWallMs: 1000 } as const satisfies Required<ArrivalPlanOptions>;

export interface ArrivalPlan {
  readonly scenario: Scenario;
  readonly timeline: Timeline;
  readonly rng: Rng;
  readonly blockWallMs: number;
  /** Blocks in the run: ceil(durationWallMs / blockWallMs). */
  readonly blockCount: number;
}

/** Per plan: cumulative intent weights per phase and the arrival count of each block drawn so far. */
interface PlanState {
  cumulative: Float64Array[];
  settings: PhaseSettings[];
  /** firstSeq[b] is known for b < firstSeq.length. */
  firstSeq: number[];
  /** The block drawn last, kept because a run asks for it in several windows. */
  last: { block: number; arrivals: Arrival[] } | undefined;
}

const states = new WeakMap<ArrivalPlan, PlanState>();

/** The run's arrival stream for a scenario and timeline, seeded by `rng`; draws nothing until asked. */
export function createArrivalPlan(
  scenario: Scenario,
  timeline: Timeline,
  rng: Rng,
  options: ArrivalPlanOptions = {},
): ArrivalPlan {
  const { blockWallMs } = { ...ARRIVAL_PLAN_DEFAULTS, ...options } satisfies Required<ArrivalPlanOptions>;
  if (!(blockWallMs > 0)) throw new RangeError(`blockWallMs must be > 0, got ${blockWallMs}`);
  const plan: ArrivalPlan = {
    scenario,
    timeline,
    rng,
    blockWallMs,
    blockCount: Math.ceil(timeline.durationWallMs / blockWallMs),
  };
  const settings = [scenario.base, ...scenario.phases];
  states.set(plan, {
    settings,
    cumulative: settings.map((s) => cumulativeWeights(s.mix)),
    firstSeq: [0],
    last: undefined,
  });
  return plan;
}

function cumulativeWeights(mix: Readonly<Record<IntentId, number>>): Float64Array {
  const out = new Float64Array(INTENTS.length);
  let sum = 0;
  INTENTS.forEach((id, i) => {
    sum += mix[id];
    out[i] = sum;
  });
  return out;
}

function stateOf(plan: ArrivalPlan): PlanState {
  const state = states.get(plan);
  if (state === undefined) throw new TypeError('not an ArrivalPlan from createArrivalPlan()');
  return state;
}

/** Arrivals with wallMs in [fromWallMs, toWallMs), in time order; identical whatever the chunking. */
export function arrivalsBetween(plan: ArrivalPlan, fromWallMs: number, toWallMs: number): Arrival[] {
  const from = Math.max(0, fromWallMs);
  const to = Math.min(plan.timeline.durationWallMs, toWallMs);
  const out: Arrival[] = [];
  if (!(to > from)) return out;
  const firstBlock = Math.floor(from / plan.blockWallMs);
  const lastBlock = Math.min(plan.blockCount - 1, Math.ceil(to / plan.blockWallMs) - 1);
  for (let b = firstBlock; b <= lastBlock; b++) {
    const arrivals = blockArrivals(plan, b);
    if (b > firstBlock && b < lastBlock) {
      for (const a of arrivals) out.push(a);
      continue;
    }
    for (const a of arrivals) if (a.wallMs >= from && a.wallMs < to) out.push(a);
  }
  return out;
}

function blockArrivals(plan: ArrivalPlan, block: number): Arrival[] {
  const state = stateOf(plan);
  if (state.last?.block === block) return state.last.arrivals;
  const seq = firstSeqOf(plan, block);
  const arrivals: Arrival[] = [];
  drawBlock(plan, block, seq, arrivals);
  if (state.firstSeq.length === block + 1) state.firstSeq.push(seq + arrivals.length);
  state.last = { block, arrivals };
  return arrivals;
}

/** Expected arrivals in [fromWallMs, toWallMs): the curve's integral at the run's scale. */
export function expectedArrivals(plan: ArrivalPlan, fromWallMs: number, toWallMs: number): number {
  const { timeline, scenario } = plan;
  const from = Math.max(0, fromWallMs);
  const to = Math.min(timeline.durationWallMs, toWallMs);
  if (!(to > from)) return 0;
  const s0 = timeline.startScenarioMs + from * timeline.speed;
  const s1 = timeline.startScenarioMs + to * timeline.speed;
  return curveIntegral(scenario.curve, s0, s1) * timeline.scale;
}

function firstSeqOf(plan: ArrivalPlan, block: number): number {
  const { firstSeq } = stateOf(plan);
  while (firstSeq.length <= block) {
    const b = firstSeq.length - 1;
    const start = firstSeq[b]!;
    firstSeq.push(start + drawBlock(plan, b, start, undefined));
  }
  return firstSeq[block]!;
}

/**
 * Draws block `b` by thinning against the curve's maximum over the block; appends arrivals to `out`
 * (or only counts them when `out` is undefined) and returns how many there were.
 */
function drawBlock(plan: ArrivalPlan, b: number, firstSeq: number, out: Arrival[] | undefined): number {
  const { timeline, scenario, blockWallMs } = plan;
  const state = stateOf(plan);
  const curve = scenario.curve;
  const { speed, startScenarioMs } = timeline;
  const blockStart = b * blockWallMs;
  const blockEnd = Math.min(blockStart + blockWallMs, timeline.durationWallMs);
  const s0 = startScenarioMs + blockStart * speed;
  const s1 = startScenarioMs + blockEnd * speed;
  const perWallMsPerPerMin = (timeline.scale * speed) / 60_000;
  const maxPerMin = curveMax(curve, s0, s1);
  if (!(maxPerMin > 0)) return 0;
  const meanGap = 1 / (maxPerMin * perWallMsPerPerMin);
  const rng = plan.rng.fork(b);
  const rateAt = rateCursor(scenario, s0);
  let count = 0;
  let t = blockStart;
  let phase = 0;
  let phaseUntil = Number.NEGATIVE_INFINITY;
  for (;;) {
    t += -Math.log(1 - rng.next()) * meanGap;
    if (t >= blockEnd) break;
    const s = startScenarioMs + t * speed;
    const perMin = rateAt(s);
    const accept = rng.next() * maxPerMin;
    if (accept >= perMin) continue;
    if (out !== undefined) {
      if (s >= phaseUntil) {
        phase = phaseIndexAt(scenario, s) + 1;
        phaseUntil = nextPhaseBoundary(scenario, s);
      }
      out.push({
        wallMs: t,
        scenarioMs: s,
        // Given acceptance, accept / perMin is again uniform on [0, 1): it picks the intent.
        intent: pickIntent(state.cumulative[phase]!, accept / perMin),
        phase: state.settings[phase]!.name,
        seq: firstSeq + count,
      });
    }
    count++;
  }
  return count;
}

/** The curve's rate at non-decreasing scenario times from `fromMs` on: walks the points instead of searching. */
function rateCursor(scenario: Scenario, fromMs: number): (ms: number) => number {
  const curve = scenario.curve;
  if (curve.kind === 'function') {
    return (ms) => {
      const minute = (ms - curve.startMs) / 60_000;
      const perMin = curve.perMinAt(minute);
      if (!(perMin >= 0 && perMin <= curve.maxPerMin)) {
        throw usageError(
          `scenario "${scenario.name}": curve.perMinAt(${minute}) must be within 0 .. maxPerMin (${curve.maxPerMin}), got ${perMin}`,
        );
      }
      return perMin;
    };
  }
  const points = curve.points;
  let seg = pointIndexAt(points, fromMs);
  return (ms) => {
    while (seg + 1 < points.length && points[seg + 1]!.atMs <= ms) seg++;
    return valueInSegment(points, seg, ms);
  };
}

/** The first phase start or end after `ms` (Infinity when none): the phase cannot change before it. */
function nextPhaseBoundary(scenario: Scenario, ms: number): number {
  for (const p of scenario.phases) {
    if (p.fromMs > ms) return p.fromMs;
    if (p.toMs > ms) return p.toMs;
  }
  return Number.POSITIVE_INFINITY;
}

function pickIntent(cumulative: Float64Array, u: number): IntentId {
  const target = u * cumulative[cumulative.length - 1]!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  return INTENTS[lo]!;
}
