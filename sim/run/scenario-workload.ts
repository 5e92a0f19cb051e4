// The Workload of a scenario run, built inside each driver thread from a cloneable spec: the same
// seeded arrival stream in every thread (each keeps its share), customers seeded by their arrival.
import { storeFacts } from '../../server/data/store-facts.ts';
import { arrivalsBetween, createArrivalPlan } from '../arrivals/arrivals.ts';
import { createCustomer } from '../customers/customer.ts';
import type { PlannedArrival, SimCustomer, Workload } from '../engine/workload.ts';
import { loadScenario } from '../scenario/load.ts';
import { phaseAt } from '../scenario/phases.ts';
import { resolveTimeline, wallToScenarioMs } from '../scenario/timeline.ts';
import { createRng } from '../util/rng.ts';
import type { ScenarioWorkloadSpec } from './workload-spec.ts';

export async function createWorkload(spec: ScenarioWorkloadSpec): Promise<Workload> {
  const scenario = await loadScenario(spec.scenario);
  const timeline = resolveTimeline(scenario, {
    speed: spec.speed,
    scale: spec.scale,
    window: spec.window,
    duration: spec.duration,
  });
  const root = createRng(spec.seed);
  const plan = createArrivalPlan(scenario, timeline, root.fork('arrivals'));
  const customers = root.fork('customers');
  const facts = storeFacts(spec.storeSeed);
  return {
    endPlanMs: timeline.durationWallMs,
    speed: timeline.speed,
    arrivals(fromPlanMs: number, toPlanMs: number): PlannedArrival[] {
      return arrivalsBetween(plan, fromPlanMs, toPlanMs).map((a) => ({
        seq: a.seq,
        planMs: a.wallMs,
        intent: a.intent,
        phase: a.phase,
      }));
    },
    customer(arrival: PlannedArrival): SimCustomer {
      const behaviour = phaseAt(scenario, wallToScenarioMs(timeline, arrival.planMs)).behaviour;
      return createCustomer(customers.fork(arrival.seq), arrival.intent, behaviour, facts);
    },
  };
}
