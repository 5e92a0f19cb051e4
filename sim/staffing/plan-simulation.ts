// Checks a staffing plan by simulation: each (interval, queue) row's raw agents run through the
// agent-pool DES at that interval's arrival rate (steady state, as the formulas assume), each row
// on its own forked stream so results do not depend on row order.
import type { Rng } from '../util/rng.ts';
import { type PoolSimResult, simulatePool } from './agent-pool-sim.ts';
import { type DaySimResult, simulateDay } from './day-simulation.ts';
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

export interface PlanDayOptions {
  rng: Rng;
  /** Runs of each queue's day. @default 10 */
  replications?: number;
}

export interface SimulatedQueueDay {
  queue: string;
  /** Interval starts (epoch ms), contiguous; gaps in the plan become intervals with no contacts and no agents. */
  starts: number[];
  result: DaySimResult;
}

/**
 * Runs each queue's plan as one continuous day (raw agents per interval, backlog carried across
 * boundaries): what the per-interval formulas cannot show around a promotion spike.
 */
export function simulatePlanDays(
  plan: StaffingPlan,
  staffing: Readonly<Record<string, QueueStaffing>>,
  options: PlanDayOptions,
): SimulatedQueueDay[] {
  const intervalMs = plan.intervalMinutes * 60_000;
  const byQueue = new Map<string, PlanRow[]>();
  for (const row of plan.rows) {
    const rows = byQueue.get(row.queue) ?? [];
    rows.push(row);
    byQueue.set(row.queue, rows);
  }
  const out: SimulatedQueueDay[] = [];
  for (const [queue, rows] of byQueue) {
    const q = staffing[queue];
    if (q === undefined) throw new RangeError(`plan row queue "${queue}" has no staffing inputs`);
    const first = (rows[0] as PlanRow).start;
    const count = Math.round(((rows[rows.length - 1] as PlanRow).start - first) / intervalMs) + 1;
    const starts = Array.from({ length: count }, (_, i) => first + i * intervalMs);
    const intervals = starts.map(() => ({ arrivalRatePerSec: 0, agents: 0 }));
    for (const row of rows) {
      const i = Math.round((row.start - first) / intervalMs);
      intervals[i] = { arrivalRatePerSec: row.offered / (intervalMs / 1000), agents: row.raw };
    }
    const result = simulateDay({
      ahtSec: q.ahtSec,
      ahtByConcurrency: q.ahtByConcurrency,
      concurrency: q.concurrency,
      patienceSec: q.patienceSec,
      intervals,
      intervalSec: intervalMs / 1000,
      targetSeconds: q.target.seconds,
      replications: options.replications,
      rng: options.rng.fork(queue),
    });
    out.push({ queue, starts, result });
  }
  return out;
}
