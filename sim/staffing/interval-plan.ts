// Interval-by-interval, queue-by-queue staffing plans from plain demand rows, their totals
// (peak agents, agent-hours), and the "no bot" counterfactual that prices the bot's saving.
import { usageError } from '../errors.ts';
import type { HandleTime } from './concurrency.ts';
import type { ServiceLevelDefinition } from './queue-model.ts';
import {
  type Binding,
  type ModelName,
  type ServiceTarget,
  type StaffingResult,
  solveAgents,
} from './solve-agents.ts';

/** Contacts offered to one queue in one interval, at real scale. */
export interface IntervalDemand {
  /** Interval start: ISO 8601 with a zone offset ("2026-11-11T00:00:00+08:00") or epoch ms. */
  start: string | number;
  queue: string;
  offered: number;
}

/** How one queue is staffed (see StaffingInput for each field). */
export interface QueueStaffing extends HandleTime {
  target: ServiceTarget;
  /** Mean patience, seconds: Erlang A when set, Erlang C otherwise. */
  patienceSec?: number;
  /** @default 'answered-of-offered' */
  serviceLevelDefinition?: ServiceLevelDefinition;
  /** @default 1 */
  maxOccupancy?: number;
  /** @default 1 */
  maxAbandon?: number;
  /** @default 0 */
  shrinkage?: number;
  /** @default 0 */
  minAgents?: number;
}

export interface PlanOptions {
  /** Interval length in minutes (WFM tools use 15, 30 or 60). @default 30 */
  intervalMinutes?: number;
}

export const planDefaults = { intervalMinutes: 30 } as const satisfies Required<PlanOptions>;

export interface PlanRow {
  /** Epoch ms. */
  start: number;
  end: number;
  queue: string;
  offered: number;
  model: ModelName;
  ahtSec: number;
  concurrency: number;
  /** Offered load in agent-equivalents. */
  erlangs: number;
  raw: number;
  scheduled: number;
  pWait: number;
  serviceLevel: number;
  asaSeconds: number;
  pAbandon: number;
  occupancy: number;
  binding: Binding;
}

export interface Peak {
  raw: number;
  scheduled: number;
  /** Start (epoch ms) of the first interval at the raw peak; null when there are no rows. */
  at: number | null;
}

export interface PlanTotals {
  offered: number;
  /** Highest sum over queues of one interval. */
  peak: Peak;
  peakByQueue: Record<string, Peak>;
  agentHours: { raw: number; scheduled: number };
  agentHoursByQueue: Record<string, { raw: number; scheduled: number }>;
}

export interface StaffingPlan {
  intervalMinutes: number;
  /** Sorted by start, then queue. */
  rows: PlanRow[];
  totals: PlanTotals;
}

function startMs(start: string | number, index: number): number {
  const ms = typeof start === 'number' ? start : Date.parse(start);
  if (!Number.isFinite(ms))
    throw usageError(`demand[${index}].start must be an ISO date or epoch ms, got ${JSON.stringify(start)}`);
  return ms;
}

/** Staffs every (interval, queue) of the demand; rows for the same start and queue are summed. */
export function planStaffing(
  demand: readonly IntervalDemand[],
  staffing: Readonly<Record<string, QueueStaffing>>,
  options: PlanOptions = {},
): StaffingPlan {
  const { intervalMinutes } = { ...planDefaults, ...options } satisfies Required<PlanOptions>;
  if (!(intervalMinutes > 0 && Number.isFinite(intervalMinutes)))
    throw usageError(`intervalMinutes must be > 0, got ${intervalMinutes}`);
  const intervalSec = intervalMinutes * 60;
  const cells = new Map<string, { start: number; queue: string; offered: number }>();
  for (const [i, d] of demand.entries()) {
    if (staffing[d.queue] === undefined)
      throw usageError(
        `demand[${i}].queue "${d.queue}" has no staffing inputs (known: ${Object.keys(staffing).join(', ')})`,
      );
    if (!(d.offered >= 0 && Number.isFinite(d.offered)))
      throw usageError(`demand[${i}].offered must be a finite number >= 0, got ${d.offered}`);
    const start = startMs(d.start, i);
    const key = `${start}\u0000${d.queue}`;
    const cell = cells.get(key);
    if (cell === undefined) cells.set(key, { start, queue: d.queue, offered: d.offered });
    else cell.offered += d.offered;
  }
  const memo = new Map<string, PlanRow>();
  const previous = new Map<string, StaffingResult>();
  const rows: PlanRow[] = [];
  const ordered = [...cells.values()].sort((a, b) => a.start - b.start);
  for (const { start, queue, offered } of ordered) {
    const key = `${queue}\u0000${offered}`;
    let solved = memo.get(key);
    if (solved === undefined) {
      const q = staffing[queue] as QueueStaffing;
      const r = solveAgents({ ...q, arrivalRatePerSec: offered / intervalSec }, previous.get(queue));
      previous.set(queue, r);
      solved = {
        start,
        end: start,
        queue,
        offered,
        model: r.model,
        ahtSec: r.ahtSec,
        concurrency: r.concurrency,
        erlangs: r.erlangs,
        raw: r.raw,
        scheduled: r.scheduled,
        pWait: r.pWait,
        serviceLevel: r.serviceLevel,
        asaSeconds: r.asaSeconds,
        pAbandon: r.pAbandon,
        occupancy: r.occupancy,
        binding: r.binding,
      };
      memo.set(key, solved);
    }
    rows.push({ ...solved, start, end: start + intervalSec * 1000 });
  }
  rows.sort((a, b) => a.start - b.start || (a.queue < b.queue ? -1 : a.queue > b.queue ? 1 : 0));
  return { intervalMinutes, rows, totals: planTotals(rows, intervalMinutes) };
}

function planTotals(rows: readonly PlanRow[], intervalMinutes: number): PlanTotals {
  const hours = intervalMinutes / 60;
  const byStart = new Map<number, { raw: number; scheduled: number }>();
  const peakByQueue: Record<string, Peak> = {};
  const agentHoursByQueue: Record<string, { raw: number; scheduled: number }> = {};
  let offered = 0;
  const agentHours = { raw: 0, scheduled: 0 };
  for (const r of rows) {
    offered += r.offered;
    agentHours.raw += r.raw * hours;
    agentHours.scheduled += r.scheduled * hours;
    const qh = agentHoursByQueue[r.queue] ?? { raw: 0, scheduled: 0 };
    qh.raw += r.raw * hours;
    qh.scheduled += r.scheduled * hours;
    agentHoursByQueue[r.queue] = qh;
    const qp = peakByQueue[r.queue] ?? { raw: 0, scheduled: 0, at: null };
    if (qp.at === null || r.raw > qp.raw) {
      qp.raw = r.raw;
      qp.at = r.start;
    }
    qp.scheduled = Math.max(qp.scheduled, r.scheduled);
    peakByQueue[r.queue] = qp;
    const s = byStart.get(r.start) ?? { raw: 0, scheduled: 0 };
    s.raw += r.raw;
    s.scheduled += r.scheduled;
    byStart.set(r.start, s);
  }
  const peak: Peak = { raw: 0, scheduled: 0, at: null };
  for (const [start, s] of byStart) {
    if (peak.at === null || s.raw > peak.raw) {
      peak.raw = s.raw;
      peak.at = start;
    }
    peak.scheduled = Math.max(peak.scheduled, s.scheduled);
  }
  return { offered, peak, peakByQueue, agentHours, agentHoursByQueue };
}

/** Each queue's share of the offered contacts: the mix to spread conversations by. */
export function queueMix(demand: readonly IntervalDemand[]): Record<string, number> {
  const sums: Record<string, number> = {};
  let total = 0;
  for (const d of demand) {
    sums[d.queue] = (sums[d.queue] ?? 0) + d.offered;
    total += d.offered;
  }
  if (total === 0) throw usageError('queueMix needs some offered contacts, got none');
  for (const q of Object.keys(sums)) sums[q] = (sums[q] as number) / total;
  return sums;
}

/**
 * The "no bot" demand: every conversation goes to a human, spread over queues by `mix`
 * (normalised; e.g. the queue mix of today's hand-offs, or of the conversations' intents).
 */
export function noBotDemand(
  conversations: readonly { start: string | number; conversations: number }[],
  mix: Readonly<Record<string, number>>,
): IntervalDemand[] {
  const entries = Object.entries(mix);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  for (const [q, w] of entries)
    if (!(w >= 0 && Number.isFinite(w))) throw usageError(`mix.${q} must be a finite number >= 0, got ${w}`);
  if (!(total > 0)) throw usageError('mix must give some queue a share > 0');
  const out: IntervalDemand[] = [];
  for (const [i, c] of conversations.entries()) {
    if (!(c.conversations >= 0 && Number.isFinite(c.conversations)))
      throw usageError(
        `conversations[${i}].conversations must be a finite number >= 0, got ${c.conversations}`,
      );
    for (const [queue, w] of entries)
      if (w > 0) out.push({ start: c.start, queue, offered: (c.conversations * w) / total });
  }
  return out;
}

export interface BotSaving {
  agentHoursSaved: { raw: number; scheduled: number };
  peakAgentsSaved: { raw: number; scheduled: number };
  /** Share of the no-bot scheduled agent-hours the bot saves, in [0, 1] (0 when nothing to save). */
  scheduledShareSaved: number;
}

/** What the bot saves: the no-bot plan minus the plan with the bot. */
export function botSaving(withBot: StaffingPlan, withoutBot: StaffingPlan): BotSaving {
  const a = withBot.totals;
  const b = withoutBot.totals;
  const scheduled = b.agentHours.scheduled - a.agentHours.scheduled;
  return {
    agentHoursSaved: { raw: b.agentHours.raw - a.agentHours.raw, scheduled },
    peakAgentsSaved: { raw: b.peak.raw - a.peak.raw, scheduled: b.peak.scheduled - a.peak.scheduled },
    scheduledShareSaved: b.agentHours.scheduled > 0 ? scheduled / b.agentHours.scheduled : 0,
  };
}
