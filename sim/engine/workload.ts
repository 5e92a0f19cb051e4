// What a driver thread needs to know about the traffic: when conversations arrive and how each
// customer talks. Built inside each driver thread from a cloneable spec (scenario functions do not
// cross threads), so every thread sees the same seeded arrival stream and keeps its share of it.
import type { BotReply, IntentId, Locale } from '../../server/bot/types.ts';

export interface PlannedArrival {
  /** Position in the run's arrival stream; seeds the customer, picks the driver thread. */
  seq: number;
  /** Intended start in plan time (ms from the run's start at the chosen --speed). */
  planMs: number;
  intent: IntentId;
  phase: string;
}

export type CustomerStep =
  | { kind: 'say'; text: string; thinkMs: number }
  | { kind: 'end'; reason: 'resolved' | 'abandoned' | 'handoff_accepted' };

/** One simulated customer; its durations are in scenario time (the engine divides by --speed). */
export interface SimCustomer {
  first(): { text: string; locale: Locale };
  onReply(reply: Pick<BotReply, 'intent' | 'action' | 'resolved' | 'handoff' | 'text'>): CustomerStep;
  /** How long this customer waits for a reply before giving up, scenario ms. */
  patienceMs(): number;
}

export interface Workload {
  /** Arrivals with planMs in [fromPlanMs, toPlanMs), in order; the same whatever the chunking. */
  arrivals(fromPlanMs: number, toPlanMs: number): PlannedArrival[];
  /** Plan time at which arrivals stop. */
  readonly endPlanMs: number;
  /** Scenario ms per plan ms (the --speed). */
  readonly speed: number;
  customer(arrival: PlannedArrival): SimCustomer;
}

/** A module that builds a Workload inside a driver thread: `export function createWorkload(spec)`. */
export interface WorkloadModule {
  createWorkload(spec: unknown): Workload | Promise<Workload>;
}
