// Waiting out a burst of steal before a disturbed step is run again. On this shared VM the hypervisor steals
// in bursts of tens of seconds; a step run again at once mostly lands in the same burst (run K of the README: five
// tries of one rate in a row under 5–16% steal), so the rerun first waits, a bounded time, for quiet seconds.
import { readStealMs, stealPercent } from './host-steal.ts';

export interface QuietOptions {
  /** A second counts as quiet when the host stole at most this share (%) of the machine's CPU time in it. */
  maxStealPct: number;
  /** Quiet seconds in a row wanted. @default 3 */
  quietSec?: number;
  /** Gives up after this many seconds. @default 30 */
  maxWaitSec?: number;
  /** Steal so far in ms, null where unknown (tests give their own). @default readStealMs */
  readSteal?: () => number | null;
  /** @default a timer */
  sleep?: (ms: number) => Promise<void>;
  /** CPUs the steal is shared over. @default the online CPUs */
  cpus?: number;
}

export interface QuietWait {
  waitedSec: number;
  /** False when `maxWaitSec` ran out first (or the steal cannot be read: then nothing was waited). */
  quiet: boolean;
}

const timer = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits, a second at a time, until `quietSec` quiet seconds in a row or `maxWaitSec` seconds have passed. */
export async function waitForQuietHost(o: QuietOptions): Promise<QuietWait> {
  const read = o.readSteal ?? readStealMs;
  const sleep = o.sleep ?? timer;
  const quietSec = o.quietSec ?? 3;
  const maxWaitSec = o.maxWaitSec ?? 30;
  const first = read();
  if (first === null) return { waitedSec: 0, quiet: false };
  let last: number = first;
  let quietRun = 0;
  for (let waited = 1; waited <= maxWaitSec; waited++) {
    await sleep(1000);
    const now: number = read() ?? last;
    quietRun = stealPercent(last, now, 1, o.cpus) <= o.maxStealPct ? quietRun + 1 : 0;
    last = now;
    if (quietRun >= quietSec) return { waitedSec: waited, quiet: true };
  }
  return { waitedSec: maxWaitSec, quiet: false };
}
