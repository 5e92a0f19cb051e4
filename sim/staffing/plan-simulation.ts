// Checks a staffing plan by simulation: each (interval, queue) row's raw agents run through the
// agent-pool DES at that interval's arrival rate (steady state, as the formulas assume), each row
// on its own forked stream so results do not depend on row order.
import type { Rng } from '../util/rng.ts';
import { type PoolSimResult, simulatePool } from './agent-pool-sim.ts';
import type { PlanRow, QueueStaffing, StaffingPlan } from './interval-plan.ts';

export interface PlanSimulationOptions {
  rng: Rng;
  /** Chats measured per row (after a tenth as warm-up). @default 20_000 */
  chatsPerRow?: number;
  /** Handle-time distribution. @default 'exponential' */
  serviceDistribution?: 'exponential' | 'lognormal';
  /** Coefficient of variation of a lognormal handle time. @default 1 */
  serviceCv?: number;
}

export interface SimulatedPlanRow {
  row: PlanRow;
  /** null when the row has no contacts or no agents. */
  simulated: PoolSimResult | null;
}

/** Simulates every row of a plan with its raw agents. */
export function simulatePlan(
  plan: StaffingPlan,
  staffing: Readonly<Record<string, QueueStaffing>>,
  options: PlanSimulationOptions,
): SimulatedPlanRow[] {
  const chats = options.chatsPerRow ?? 20_000;
  const intervalSec = plan.intervalMinutes * 60;
  return plan.rows.map((row) => {
    const q = staffing[row.queue];
    if (q === undefined) throw new RangeError(`plan row queue "${row.queue}" has no staffing inputs`);
    if (row.offered === 0 || row.raw === 0) return { row, simulated: null };
    const simulated = simulatePool({
      ahtSec: q.ahtSec,
      ahtByConcurrency: q.ahtByConcurrency,
      concurrency: q.concurrency,
      arrivalRatePerSec: row.offered / intervalSec,
      agents: row.raw,
      targetSeconds: q.target.seconds,
      patienceSec: q.patienceSec,
      serviceDistribution: options.serviceDistribution,
      serviceCv: options.serviceCv,
      chats,
      rng: options.rng.fork(`${row.queue}@${row.start}`),
    });
    return { row, simulated };
  });
}
