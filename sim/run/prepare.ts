// Resolves a scenario and the run's time options once, at the boundary, into what the run needs:
// the window, speed and scale, the curve, per-queue staffing, and the cloneable spec from which each
// driver thread rebuilds the same workload.
import { isAbsolute, resolve } from 'node:path';
import { QUEUES, type Queue } from '../../server/bot/types.ts';
import { perMinAt } from '../scenario/curve.ts';
import { isBuiltinScenario, loadScenario } from '../scenario/load.ts';
import { resolveTimeline, type Timeline } from '../scenario/timeline.ts';
import type { Scenario } from '../scenario/types.ts';
import { type StaffingResult, solveAgents } from '../staffing/solve-agents.ts';
import type { ScenarioWorkloadSpec } from './workload-spec.ts';

export interface PrepareOptions {
  speed?: number | undefined;
  scale?: number | undefined;
  window?: string | undefined;
  duration?: string | undefined;
  seed: number;
  /** Seed of the bot's store (the embedded server's, and the facts customers use). */
  storeSeed: number;
}

export interface PreparedScenario {
  scenario: Scenario;
  timeline: Timeline;
  name: string;
  description: string;
  timezone: string;
  spanStart: string;
  spanEnd: string;
  windowStartMs: number;
  windowEndMs: number;
  speed: number;
  scale: number;
  queues: readonly Queue[];
  curvePerMinAt(scenarioMs: number): number;
  /** Scheduled agents a queue needs at a real-scale hand-off rate (per minute), from the scenario's staffing. */
  agentsFor(queue: string, realPerMin: number): number | null;
  workloadSpec: ScenarioWorkloadSpec;
}

/** A scenario path as driver threads must see it (they may run with another working directory). */
function scenarioRef(nameOrPath: string): string {
  if (isBuiltinScenario(nameOrPath) || isAbsolute(nameOrPath)) return nameOrPath;
  return resolve(nameOrPath);
}

export async function prepareScenario(nameOrPath: string, o: PrepareOptions): Promise<PreparedScenario> {
  const ref = scenarioRef(nameOrPath);
  const scenario = await loadScenario(ref);
  const timeline = resolveTimeline(scenario, {
    speed: o.speed,
    scale: o.scale,
    window: o.window,
    duration: o.duration,
  });
  const lastAnswer = new Map<string, StaffingResult>();
  return {
    scenario,
    timeline,
    name: scenario.name,
    description: scenario.description,
    timezone: scenario.timezone,
    spanStart: scenario.span.start,
    spanEnd: scenario.span.end,
    windowStartMs: timeline.startScenarioMs,
    windowEndMs: timeline.endScenarioMs,
    speed: timeline.speed,
    scale: timeline.scale,
    queues: QUEUES,
    curvePerMinAt: (ms) => perMinAt(scenario.curve, ms),
    agentsFor(queue, realPerMin) {
      const staffing = scenario.staffing[queue as Queue];
      if (staffing === undefined) return null;
      // Asked every second for the live load: the queue's previous answer seeds the search (same answer, a few
      // Erlang evaluations instead of ~20, each O(agents) at real scale; this was 25-70 ms a second of the main thread).
      const result = solveAgents({ ...staffing, arrivalRatePerSec: realPerMin / 60 }, lastAnswer.get(queue));
      lastAnswer.set(queue, result);
      return result.scheduled;
    },
    workloadSpec: {
      scenario: ref,
      speed: timeline.speed,
      scale: timeline.scale,
      window: o.window,
      duration: o.duration,
      seed: o.seed,
      storeSeed: o.storeSeed,
    },
  };
}
