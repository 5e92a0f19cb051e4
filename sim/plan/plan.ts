// Staffing plans for a run folder or a scenario: with the bot (offered = hand-offs) and without it
// (offered = every conversation), written as staffing.csv / staffing-nobot.csv and shaped for the report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.ts';
import type { StaffingRow } from '../report/staffing-rows.ts';
import type { IntervalRecord, RunMeta } from '../results/records.ts';
import { zoneOffsetMs } from '../run/zoned-time.ts';
import { loadScenario } from '../scenario/load.ts';
import { resolveTimeline } from '../scenario/timeline.ts';
import type { Scenario } from '../scenario/types.ts';
import { planStaffing, type QueueStaffing, type StaffingPlan } from '../staffing/interval-plan.ts';
import { formatIntervalTime, planToCsv } from '../staffing/plan-format.ts';
import { simulatePlan } from '../staffing/plan-simulation.ts';
import type { ServiceTarget } from '../staffing/solve-agents.ts';
import { createRng } from '../util/rng.ts';
import { type Demand, demandFromRun, demandFromScenario } from './demand.ts';

export interface PlanOverrides {
  /** Scenario minutes per interval (15, 30, 60); a run's must divide it. */
  intervalMinutes?: number;
  /** Service-level target for every queue instead of the scenario's. */
  target?: ServiceTarget;
  /** Mean patience (s) for every queue: Erlang A. */
  patienceSec?: number;
}

export interface PlanPair {
  scenario: Scenario;
  timezone: string;
  /** The staffing inputs used, per queue (the scenario's with the overrides). */
  staffing: Record<string, QueueStaffing>;
  withBot: StaffingPlan;
  noBot: StaffingPlan;
}

function staffingOf(scenario: Scenario, o: PlanOverrides): Record<string, QueueStaffing> {
  const out: Record<string, QueueStaffing> = {};
  for (const [queue, s] of Object.entries(scenario.staffing)) {
    out[queue] = {
      ...s,
      ...(o.target === undefined ? {} : { target: o.target }),
      ...(o.patienceSec === undefined ? {} : { patienceSec: o.patienceSec }),
    };
  }
  return out;
}

function plans(scenario: Scenario, demand: Demand, o: PlanOverrides): PlanPair {
  const staffing = staffingOf(scenario, o);
  const options = { intervalMinutes: demand.intervalMinutes };
  return {
    scenario,
    timezone: scenario.timezone,
    staffing,
    withBot: planStaffing(demand.withBot, staffing, options),
    noBot: planStaffing(demand.noBot, staffing, options),
  };
}

/** Plans from a run's interval lines, reloading its scenario for the staffing inputs. */
export async function planFromRun(
  meta: RunMeta,
  intervals: readonly IntervalRecord[],
  o: PlanOverrides = {},
): Promise<PlanPair> {
  const runMinutes = meta.options.intervalMinutes;
  const minutes = o.intervalMinutes ?? runMinutes;
  if (minutes % runMinutes !== 0) {
    throw usageError(
      `--interval must be a multiple of the run's interval (${runMinutes} minutes), got ${minutes}`,
    );
  }
  const scenario = await loadScenario(meta.scenario.ref ?? meta.scenario.name);
  const offset = zoneOffsetMs(scenario.timezone, Date.parse(meta.scenario.start));
  return plans(scenario, demandFromRun(intervals, minutes, offset), o);
}

/** Plans straight from a scenario over its window, with its assumed bot resolution. */
export async function planFromScenario(
  nameOrPath: string,
  window: string | undefined,
  o: PlanOverrides = {},
): Promise<PlanPair> {
  const scenario = await loadScenario(nameOrPath);
  const timeline = resolveTimeline(scenario, { window });
  const minutes = o.intervalMinutes ?? 30;
  const offset = zoneOffsetMs(scenario.timezone, timeline.startScenarioMs);
  return plans(
    scenario,
    demandFromScenario(scenario, timeline.startScenarioMs, timeline.endScenarioMs, minutes, offset),
    o,
  );
}

/** Rows for the report's staffing chart: each interval and queue with the bot and without it. */
export function staffingRows(pair: PlanPair): StaffingRow[] {
  const noBot = new Map(pair.noBot.rows.map((r) => [`${r.start}|${r.queue}`, r]));
  return pair.withBot.rows.map((r) => {
    const nb = noBot.get(`${r.start}|${r.queue}`);
    return {
      start: formatIntervalTime(r.start, pair.timezone),
      queue: r.queue,
      offered: r.offered,
      raw: r.raw,
      scheduled: r.scheduled,
      ...(nb === undefined ? {} : { noBot: { offered: nb.offered, raw: nb.raw, scheduled: nb.scheduled } }),
    };
  });
}

/** Writes staffing.csv and staffing-nobot.csv (UTF-8 with BOM, as WFM tools and Excel expect). */
export function writePlanCsv(dir: string, pair: PlanPair): { withBot: string; noBot: string } {
  const withBot = join(dir, 'staffing.csv');
  const noBot = join(dir, 'staffing-nobot.csv');
  writeFileSync(withBot, planToCsv(pair.withBot, { timeZone: pair.timezone }));
  writeFileSync(noBot, planToCsv(pair.noBot, { timeZone: pair.timezone }));
  return { withBot, noBot };
}

/** The with-bot plan's rows checked by the agent-pool DES: simulated SL and abandonment beside the formulas. */
export function simulationTable(pair: PlanPair, seed: number, chatsPerRow = 20_000): string {
  const rows = simulatePlan(pair.withBot, pair.staffing, { rng: createRng(seed), chatsPerRow });
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const est = (e: { mean: number; halfWidth: number }): string =>
    `${pct(e.mean)} ±${(e.halfWidth * 100).toFixed(1)}`;
  const table = [
    ['interval', 'queue', 'agents', 'SL formula', 'SL simulated', 'abandon formula', 'abandon simulated'],
  ];
  for (const { row, simulated } of rows) {
    if (simulated === null) continue;
    table.push([
      formatIntervalTime(row.start, pair.timezone),
      row.queue,
      String(row.raw),
      pct(row.serviceLevel),
      est(simulated.serviceLevel),
      pct(row.pAbandon),
      est(simulated.pAbandon),
    ]);
  }
  const widths = (table[0] as string[]).map((_, i) => Math.max(...table.map((r) => (r[i] as string).length)));
  return table
    .map((r) =>
      r.map((c, i) => (i < 2 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  '),
    )
    .join('\n');
}

/** One line on what the bot saves: scheduled agent-hours and peak agents with and without it. */
export function savingLine(pair: PlanPair): string {
  const a = pair.withBot.totals;
  const b = pair.noBot.totals;
  const saved = b.agentHours.scheduled - a.agentHours.scheduled;
  const pct = b.agentHours.scheduled === 0 ? 0 : (saved / b.agentHours.scheduled) * 100;
  const f = (n: number): string => Math.round(n).toLocaleString('en-US');
  return (
    `with the bot: ${f(a.agentHours.scheduled)} scheduled agent-hours, peak ${f(a.peak.scheduled)} agents; ` +
    `without it: ${f(b.agentHours.scheduled)} agent-hours, peak ${f(b.peak.scheduled)}; ` +
    `the bot saves ${f(saved)} agent-hours (${pct.toFixed(1)}%)`
  );
}
