// Run counters: plain, mergeable tallies that driver threads send as deltas and the main thread sums.
// The accounting identity of DESIGN.md holds over them:
//   scheduled = resolved + handedOff + abandoned + failed + dropped + inFlight

export type ConversationOutcome = 'resolved' | 'handedOff' | 'abandoned' | 'failed' | 'dropped';
export const OUTCOMES: readonly ConversationOutcome[] = [
  'resolved',
  'handedOff',
  'abandoned',
  'failed',
  'dropped',
];

export interface IntentTally {
  scheduled: number;
  resolved: number;
  handedOff: number;
  abandoned: number;
  failed: number;
  dropped: number;
}

export interface Counters {
  /** Conversations whose arrival time has come. */
  scheduled: number;
  resolved: number;
  handedOff: number;
  abandoned: number;
  failed: number;
  dropped: number;
  /** Conversations started more than the slip tolerance after their intended time (the generator's fault). */
  lateStarts: number;
  messagesSent: number;
  replies: number;
  /** Replies that arrived after the customer had given up waiting (still measured). */
  lateReplies: number;
  /** Abandoned conversations whose customer ran out of patience waiting for a reply (the rest chose to leave). */
  gaveUpWaiting: number;
  /** WebSockets the driver opened. */
  socketsOpened: number;
  /** Conversations that started on a socket an earlier conversation had ended on (socket reuse). */
  socketsReused: number;
  /** Error frames and transport failures by code. */
  errors: Record<string, number>;
  handoffsByQueue: Record<string, number>;
  handoffsByReason: Record<string, number>;
  byIntent: Record<string, IntentTally>;
}

export function createCounters(): Counters {
  return {
    scheduled: 0,
    resolved: 0,
    handedOff: 0,
    abandoned: 0,
    failed: 0,
    dropped: 0,
    lateStarts: 0,
    messagesSent: 0,
    replies: 0,
    lateReplies: 0,
    gaveUpWaiting: 0,
    socketsOpened: 0,
    socketsReused: 0,
    errors: {},
    handoffsByQueue: {},
    handoffsByReason: {},
    byIntent: {},
  };
}

export function bump(record: Record<string, number>, key: string, by = 1): void {
  record[key] = (record[key] ?? 0) + by;
}

export function intentTally(counters: Counters, intent: string): IntentTally {
  let tally = counters.byIntent[intent];
  if (tally === undefined) {
    tally = { scheduled: 0, resolved: 0, handedOff: 0, abandoned: 0, failed: 0, dropped: 0 };
    counters.byIntent[intent] = tally;
  }
  return tally;
}

/** Counts one conversation's end (or drop) under its true intent. */
/** The outcome a customer's decision to end a conversation counts as. */
export function endOutcome(reason: 'resolved' | 'abandoned' | 'handoff_accepted'): ConversationOutcome {
  return reason === 'resolved' ? 'resolved' : reason === 'handoff_accepted' ? 'handedOff' : 'abandoned';
}

export function countOutcome(counters: Counters, intent: string, outcome: ConversationOutcome): void {
  counters[outcome]++;
  intentTally(counters, intent)[outcome]++;
}

export function countScheduled(counters: Counters, intent: string): void {
  counters.scheduled++;
  intentTally(counters, intent).scheduled++;
}

/**
 * Counts an arrival whose time has come: scheduled; a late start when the generator is more than the
 * tolerance behind; dropped when the driver is at its cap (as k6's dropped_iterations). Whether it starts.
 */
export function admitArrival(
  counters: Counters,
  intent: string,
  lateMs: number,
  slipToleranceMs: number,
  atCap: boolean,
): boolean {
  countScheduled(counters, intent);
  if (lateMs > slipToleranceMs) counters.lateStarts++;
  if (!atCap) return true;
  countOutcome(counters, intent, 'dropped');
  return false;
}

/** Adds `delta` into `into`. */
export function mergeCounters(into: Counters, delta: Counters): Counters {
  for (const key of [
    'scheduled',
    'lateStarts',
    'messagesSent',
    'replies',
    'lateReplies',
    'gaveUpWaiting',
    'socketsOpened',
    'socketsReused',
    ...OUTCOMES,
  ] as const) {
    into[key] += delta[key];
  }
  for (const [k, v] of Object.entries(delta.errors)) bump(into.errors, k, v);
  for (const [k, v] of Object.entries(delta.handoffsByQueue)) bump(into.handoffsByQueue, k, v);
  for (const [k, v] of Object.entries(delta.handoffsByReason)) bump(into.handoffsByReason, k, v);
  for (const [intent, t] of Object.entries(delta.byIntent)) {
    const mine = intentTally(into, intent);
    mine.scheduled += t.scheduled;
    for (const o of OUTCOMES) mine[o] += t[o];
  }
  return into;
}

/** Conversations started and not yet ended. */
export function inFlight(c: Counters): number {
  return c.scheduled - c.resolved - c.handedOff - c.abandoned - c.failed - c.dropped;
}

/** Share of ended conversations the bot resolved without a human; null before any ended. */
export function botResolution(c: Counters): number | null {
  const ended = c.resolved + c.handedOff + c.abandoned + c.failed;
  return ended === 0 ? null : c.resolved / ended;
}
