// Derived views of a LiveFrame that the dashboard and the plain output both show.
import type { LiveFrame } from '../live/frame.ts';

export function errorTotal(errors: Record<string, number>): number {
  return Object.values(errors).reduce((sum, n) => sum + n, 0);
}

/** scheduled − (resolved + handed off + abandoned + failed + dropped + open): 0 when the accounting balances. */
export function inFlightGap(frame: LiveFrame): number {
  const c = frame.counts;
  return c.scheduled - (c.resolved + c.handedOff + c.abandoned + c.failed + c.dropped + frame.open);
}

export interface QueueRow {
  queue: string;
  handoffs: number;
  perMinReal: number;
  agentsNow: number;
  agentsPeak: number;
}

/** One row per queue named in hand-offs or agents, in the order they first appear. */
export function queueRows(frame: LiveFrame): QueueRow[] {
  const rows = new Map<string, QueueRow>();
  const row = (queue: string): QueueRow => {
    let r = rows.get(queue);
    if (r === undefined) {
      r = { queue, handoffs: 0, perMinReal: 0, agentsNow: 0, agentsPeak: 0 };
      rows.set(queue, r);
    }
    return r;
  };
  for (const h of frame.handoffs) {
    const r = row(h.queue);
    r.handoffs = h.total;
    r.perMinReal = h.perMinReal;
  }
  for (const a of frame.agents.now) row(a.queue).agentsNow = a.agents;
  for (const a of frame.agents.peak) row(a.queue).agentsPeak = a.agents;
  return [...rows.values()];
}

/** Intents by volume, largest first, at most `n`. */
export function topIntents(frame: LiveFrame, n: number): LiveFrame['bot']['byIntent'] {
  return [...frame.bot.byIntent].sort((a, b) => b.scheduled - a.scheduled).slice(0, Math.max(0, n));
}
