// Offered contacts per interval and queue, at real scale: from a run's interval records (what the bot
// actually handed off) or straight from a scenario (curve × intent mix × (1 − assumed bot resolution)).
// Also the "no bot" demand: every conversation to a human, so the bot's saving is a number. Pure.
import { INTENT_QUEUE, INTENTS, type IntentId, type Queue } from '../../server/bot/types.ts';
import type { IntervalRecord } from '../results/records.ts';
import { curveIntegral } from '../scenario/curve.ts';
import { phaseAt } from '../scenario/phases.ts';
import type { Scenario } from '../scenario/types.ts';
import type { IntervalDemand } from '../staffing/interval-plan.ts';

/** The queue a conversation of this intent reaches a human in; intents with no queue of their own go to presale. */
export function humanQueue(intent: string): Queue {
  return INTENT_QUEUE[intent as IntentId] ?? 'presale';
}

export interface Demand {
  withBot: IntervalDemand[];
  noBot: IntervalDemand[];
  intervalMinutes: number;
}

/** Sums consecutive run intervals into plan intervals of `minutes` (a multiple of the run's). */
function regroupStart(startMs: number, minutes: number, offsetMs: number): number {
  const size = minutes * 60_000;
  return Math.floor((startMs + offsetMs) / size) * size - offsetMs;
}

/**
 * Demand from the interval lines of a run. `offsetMs` is the scenario zone's UTC offset, so that
 * regrouped intervals stay aligned to local clock time.
 */
export function demandFromRun(records: readonly IntervalRecord[], minutes: number, offsetMs: number): Demand {
  const withBot: IntervalDemand[] = [];
  const noBot: IntervalDemand[] = [];
  for (const r of records) {
    const start = regroupStart(Date.parse(r.start), minutes, offsetMs);
    for (const [queue, offered] of Object.entries(r.realHandoffsByQueue))
      withBot.push({ start, queue, offered });
    const scale = r.arrivals === 0 ? 0 : r.real.arrivals / r.arrivals;
    for (const [intent, counts] of Object.entries(r.byIntent)) {
      noBot.push({ start, queue: humanQueue(intent), offered: counts.arrivals * scale });
    }
  }
  return { withBot, noBot, intervalMinutes: minutes };
}

/** Demand straight from a scenario over [fromMs, toMs), with its assumed bot resolution per intent. */
export function demandFromScenario(
  scenario: Scenario,
  fromMs: number,
  toMs: number,
  minutes: number,
  offsetMs: number,
): Demand {
  const size = minutes * 60_000;
  const withBot: IntervalDemand[] = [];
  const noBot: IntervalDemand[] = [];
  for (let start = regroupStart(fromMs, minutes, offsetMs); start < toMs; start += size) {
    const a = Math.max(start, fromMs);
    const b = Math.min(start + size, toMs);
    if (b <= a) continue;
    const conversations = curveIntegral(scenario.curve, a, b);
    const { mix } = phaseAt(scenario, (a + b) / 2);
    const total = INTENTS.reduce((s, id) => s + mix[id], 0);
    const botByQueue = new Map<Queue, number>();
    const allByQueue = new Map<Queue, number>();
    for (const id of INTENTS) {
      const n = (conversations * mix[id]) / total;
      const q = humanQueue(id);
      allByQueue.set(q, (allByQueue.get(q) ?? 0) + n);
      botByQueue.set(q, (botByQueue.get(q) ?? 0) + n * (1 - scenario.botResolution[id]));
    }
    for (const [queue, offered] of botByQueue) withBot.push({ start, queue, offered });
    for (const [queue, offered] of allByQueue) noBot.push({ start, queue, offered });
  }
  return { withBot, noBot, intervalMinutes: minutes };
}
