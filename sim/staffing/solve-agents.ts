// The staffing solver: the fewest agents that meet the service-level target, then the
// abandonment and occupancy caps, then shrinkage; and which of those set the number.
import { type HandleTime, slotModel } from './concurrency.ts';
import { erlangA } from './erlang-a.ts';
import { erlangC } from './erlang-c.ts';
import type { QueueMetrics, ServiceLevelDefinition } from './queue-model.ts';

/** P% of contacts answered within T seconds. */
export interface ServiceTarget {
  percent: number;
  seconds: number;
}

export interface StaffingInput extends HandleTime {
  /** Offered contacts per second. */
  arrivalRatePerSec: number;
  target: ServiceTarget;
  /** Mean (exponential) patience, seconds; present: Erlang A, absent: Erlang C. */
  patienceSec?: number;
  /** @default 'answered-of-offered' (Erlang A only; see queue-model.ts) */
  serviceLevelDefinition?: ServiceLevelDefinition;
  /** Highest acceptable occupancy, in (0, 1]. @default 1 */
  maxOccupancy?: number;
  /** Highest acceptable P(abandon), in (0, 1] (Erlang A). @default 1 */
  maxAbandon?: number;
  /** Share of paid time not on queue (breaks, training, absence), in [0, 1). @default 0 */
  shrinkage?: number;
  /** Agents on the queue whatever the load. @default 0 */
  minAgents?: number;
}

export type Binding = 'service_level' | 'abandonment' | 'occupancy' | 'min_agents';
export type ModelName = 'erlang-c' | 'erlang-a';

/** Queue figures per agent: `erlangs` in agent-equivalents (λ·AHT_K / K). */
export interface AgentMetrics extends Omit<QueueMetrics, 'servers'> {
  model: ModelName;
  agents: number;
  concurrency: number;
  /** Handle time of one chat at the concurrency used, seconds. */
  ahtSec: number;
}

export interface StaffingResult extends AgentMetrics {
  /** Agents needed on the queue (= `agents`). */
  raw: number;
  /** Agents to schedule: ceil(raw / (1 − shrinkage)). */
  scheduled: number;
  binding: Binding;
  /** Agents the service-level target alone needs. */
  serviceLevelAgents: number;
}

const SL_TOLERANCE = 1e-12;
const MAX_AGENTS = 10_000_000;

function checkInput(input: StaffingInput): void {
  const { arrivalRatePerSec, target, maxOccupancy, maxAbandon, shrinkage, minAgents, patienceSec } = input;
  if (!(arrivalRatePerSec >= 0 && Number.isFinite(arrivalRatePerSec)))
    throw new RangeError(`arrivalRatePerSec must be a finite number >= 0, got ${arrivalRatePerSec}`);
  if (!(target.percent > 0 && target.percent < 100))
    throw new RangeError(`target.percent must be in (0, 100), got ${target.percent}`);
  if (!(target.seconds >= 0 && Number.isFinite(target.seconds)))
    throw new RangeError(`target.seconds must be a finite number >= 0, got ${target.seconds}`);
  if (maxOccupancy !== undefined && !(maxOccupancy > 0 && maxOccupancy <= 1))
    throw new RangeError(`maxOccupancy must be in (0, 1], got ${maxOccupancy}`);
  if (maxAbandon !== undefined && !(maxAbandon > 0 && maxAbandon <= 1))
    throw new RangeError(`maxAbandon must be in (0, 1], got ${maxAbandon}`);
  if (shrinkage !== undefined && !(shrinkage >= 0 && shrinkage < 1))
    throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  if (minAgents !== undefined && !(Number.isInteger(minAgents) && minAgents >= 0))
    throw new RangeError(`minAgents must be an integer >= 0, got ${minAgents}`);
  if (patienceSec !== undefined && !(patienceSec > 0 && Number.isFinite(patienceSec)))
    throw new RangeError(`patienceSec must be a finite number > 0, got ${patienceSec}`);
}

/** The queue figures with a given number of agents (Erlang A when `patienceSec` is set). */
export function evaluateAgents(input: StaffingInput, agents: number): AgentMetrics {
  checkInput(input);
  if (!(Number.isInteger(agents) && agents >= 0))
    throw new RangeError(`agents must be an integer >= 0, got ${agents}`);
  const { concurrency, ahtSec } = slotModel(input);
  const load = {
    arrivalRatePerSec: input.arrivalRatePerSec,
    ahtSec,
    servers: agents * concurrency,
    targetSeconds: input.target.seconds,
  };
  const m =
    input.patienceSec === undefined
      ? erlangC(load)
      : erlangA({
          ...load,
          patienceSec: input.patienceSec,
          serviceLevelDefinition: input.serviceLevelDefinition ?? 'answered-of-offered',
        });
  return {
    model: input.patienceSec === undefined ? 'erlang-c' : 'erlang-a',
    agents,
    concurrency,
    ahtSec,
    erlangs: m.erlangs / concurrency,
    pWait: m.pWait,
    serviceLevel: m.serviceLevel,
    serviceLevels: m.serviceLevels,
    asaSeconds: m.asaSeconds,
    meanWaitSeconds: m.meanWaitSeconds,
    pAbandon: m.pAbandon,
    occupancy: m.occupancy,
  };
}

/**
 * Smallest n ≥ 1 with meets(n), for a predicate that stays true once true: brackets from `guess`
 * in steps of `step` (doubling), then bisects. With the square-root-staffing guess and a step of
 * about √load this takes a handful of evaluations.
 */
function smallestMeeting(meets: (n: number) => boolean, guess: number, step: number): number {
  let lo = 0;
  let hi = Math.max(1, guess);
  let s = Math.max(1, Math.ceil(step));
  if (meets(hi)) {
    for (;;) {
      const probe = hi - s;
      if (probe < 1) break;
      if (!meets(probe)) {
        lo = probe;
        break;
      }
      hi = probe;
      s *= 2;
    }
  } else {
    lo = hi;
    for (;;) {
      hi = lo + s;
      if (hi > MAX_AGENTS) throw new RangeError(`no staffing up to ${MAX_AGENTS} agents meets the target`);
      if (meets(hi)) break;
      lo = hi;
      s *= 2;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Agents to schedule for a raw requirement: ceil(raw / (1 − shrinkage)), exact at round numbers. */
export function scheduledAgents(raw: number, shrinkage: number): number {
  if (raw === 0) return 0;
  return Math.ceil(raw / (1 - shrinkage) - 1e-9);
}

/**
 * The fewest agents meeting the service-level target, raised to the abandonment cap, the
 * occupancy cap and `minAgents` in turn; `binding` names the constraint that set the number
 * (ties go to the earlier one in that order). A `neighbour` (the same queue's answer for a
 * nearby load, e.g. the previous interval) seeds the search: fewer evaluations, same answer.
 */
export function solveAgents(input: StaffingInput, neighbour?: StaffingResult): StaffingResult {
  checkInput(input);
  const { concurrency, ahtSec } = slotModel(input);
  const maxOccupancy = input.maxOccupancy ?? 1;
  const maxAbandon = input.maxAbandon ?? 1;
  const shrinkage = input.shrinkage ?? 0;
  const minAgents = input.minAgents ?? 0;
  const slotErlangs = input.arrivalRatePerSec * ahtSec;
  const cache = new Map<number, AgentMetrics>();
  const at = (n: number): AgentMetrics => {
    let m = cache.get(n);
    if (m === undefined) {
      m = evaluateAgents(input, n);
      cache.set(n, m);
    }
    return m;
  };
  let forSl = 0;
  let forAbandon = 0;
  let forOccupancy = 0;
  if (slotErlangs > 0) {
    // Square-root staffing (Halfin & Whitt 1981): n ≈ a + β√a slots, β ≈ 1 for common targets.
    const rootLoad = Math.sqrt(slotErlangs);
    let beta = 1;
    let step = Math.max(1, rootLoad / (2 * concurrency));
    if (neighbour !== undefined && neighbour.erlangs > 0 && neighbour.concurrency === concurrency) {
      const a0 = neighbour.erlangs * concurrency;
      beta = (neighbour.serviceLevelAgents * concurrency - a0) / Math.sqrt(a0);
      step = 1;
    }
    const guess = Math.max(1, Math.round((slotErlangs + beta * rootLoad) / concurrency));
    const goal = input.target.percent / 100 - SL_TOLERANCE;
    forSl = smallestMeeting((n) => at(n).serviceLevel >= goal, guess, step);
    if (maxAbandon < 1) forAbandon = smallestMeeting((n) => at(n).pAbandon <= maxAbandon, forSl, step);
    if (maxOccupancy < 1) {
      const capped = Math.ceil(slotErlangs / (concurrency * maxOccupancy) - 1e-9);
      forOccupancy =
        input.patienceSec === undefined
          ? capped
          : smallestMeeting((n) => at(n).occupancy <= maxOccupancy + 1e-12, capped, 1);
    }
  }
  const needs: [Binding, number][] = [
    ['service_level', forSl],
    ['abandonment', forAbandon],
    ['occupancy', forOccupancy],
    ['min_agents', minAgents],
  ];
  let binding: Binding = slotErlangs > 0 ? 'service_level' : 'min_agents';
  let raw = slotErlangs > 0 ? forSl : minAgents;
  for (const [name, n] of needs) {
    if (n > raw) {
      raw = n;
      binding = name;
    }
  }
  return {
    ...at(raw),
    raw,
    scheduled: scheduledAgents(raw, shrinkage),
    binding,
    serviceLevelAgents: forSl,
  };
}
