// Finds the highest message rate a target sustains with p99 under a bound, by stepping the offered
// rate up geometrically with the open-model driver (each step a fresh steady run).
import { startLoad } from '../sim/engine/load-engine.ts';
import { createLatencyHistogram, type LatencySummaryMs, summarizeMs } from '../sim/metrics/latency.ts';
import { readStealMs, stealPercent } from './host-steal.ts';
import type { SteadySpec } from './workloads/steady.ts';

const STEADY = new URL('./workloads/steady.ts', import.meta.url).href;

export interface StepResult {
  offeredPerSec: number;
  achievedPerSec: number;
  latency: LatencySummaryMs;
  failed: number;
  dropped: number;
  slipP99Ms: number;
  /** Share of the machine's CPU time the hypervisor took during the measured seconds, %; 0 where unknown. */
  stealPct: number;
  ok: boolean;
}

export interface MaxRateOptions {
  target: string;
  /** p99 bound, ms. @default 10 */
  p99Ms?: number;
  /** First offered rate, messages/s. @default 500 */
  startPerSec?: number;
  /** Rate multiplier between steps. @default 1.4 */
  factor?: number;
  /** Length of one step, ms. @default 6000 */
  stepMs?: number;
  /** Highest rate tried. @default 200000 */
  ceilingPerSec?: number;
  texts: string[];
  drivers?: number;
  /**
   * Conversations multiplexed on one driver socket. @default 32: the driver's cheapest mode, so that
   * on a 2-core machine as much CPU as possible is left to the server under test.
   */
  convsPerSocket?: number;
  /**
   * The driver's send quantum, ms. @default 1: the driver then waits on timers instead of spinning
   * through each last millisecond, which on 2 cores would take CPU from the server under test. Latency
   * is still measured from each message's intended send time, or from its send when early.
   */
  sendQuantumMs?: number;
  /**
   * A step that misses the bound while the host stole more than this share of the CPU time (%) is run
   * again, up to `disturbedReruns` times, without counting as a miss. @default 5
   */
  maxStealPct?: number;
  /** @default 3 */
  disturbedReruns?: number;
  /**
   * Runs before a disturbed step is run again: `npm run bench` waits there for a quiet host (quiet-host.ts), since
   * a rerun at once mostly lands in the same burst of steal.
   */
  beforeRerun?: () => Promise<void>;
  /**
   * Rates tried between the last that held and the first that missed, each halving the gap
   * geometrically, so that a ratio of two searches is not rounded to a power of `factor` (with 1.4, a
   * true 2× would read 1.96×). @default 2: to within 1.4^(1/4), ±9%
   */
  refineSteps?: number;
  onStep?: (step: StepResult) => void;
}

/** The defaults of the disturbance rule: steal above 5% of the machine's CPU time, at most 3 reruns. */
export const MAX_STEAL_PCT = 5;
export const DISTURBED_RERUNS = 3;
export const REFINE_STEPS = 2;

/**
 * How every benchmark drives a server: sockets reused, 32 conversations multiplexed on each (the driver's
 * cheapest mode, leaving the server under test as much of the 2 cores as it can), a 1 ms send quantum (the
 * driver sleeps on timers instead of spinning through each last millisecond), 5 s reply timeout, 3 s drain.
 */
export const BENCH_DRIVER = {
  drainMs: 3000,
  replyTimeoutMs: 5000,
  socketReuse: true,
  convsPerSocket: 32,
  sendQuantumMs: 1,
} as const;

/** Seconds at the start of each step left out of its figures: fresh driver threads, cold JIT, ramp-up. */
export const WARMUP_SEC = 2;

/** One steady run at `perSec` messages/s (turns × conversations/s), measured after the warm-up. */
export async function runStep(target: string, perSec: number, o: MaxRateOptions): Promise<StepResult> {
  const turns = 10;
  const spec: SteadySpec = {
    convPerSec: perSec / turns,
    turns,
    thinkMs: 100,
    durationMs: (o.stepMs ?? 6000) + WARMUP_SEC * 1000,
    texts: o.texts,
  };
  const measured = createLatencyHistogram();
  let replies = 0;
  let measuredSec = 0;
  let lastSec = 0;
  let stealFrom: number | null = null;
  let stealTo: number | null = null;
  const endSec = spec.durationMs / 1000;
  const run = await startLoad({
    target,
    drivers: o.drivers ?? 1,
    workloadModule: STEADY,
    workloadSpec: spec,
    ...BENCH_DRIVER,
    convsPerSocket: o.convsPerSocket ?? BENCH_DRIVER.convsPerSocket,
    sendQuantumMs: o.sendQuantumMs ?? BENCH_DRIVER.sendQuantumMs,
    onSample: (sample) => {
      if (lastSec >= WARMUP_SEC && sample.realSec <= endSec + 0.5) {
        measured.add(sample.latency);
        replies += sample.counters.replies;
        measuredSec += sample.realSec - lastSec;
        stealTo = readStealMs();
      } else if (sample.realSec >= WARMUP_SEC && stealFrom === null) {
        stealFrom = readStealMs();
      }
      lastSec = sample.realSec;
    },
  });
  const totals = await run.done;
  const c = totals.counters;
  const latency = summarizeMs(measured);
  const achievedPerSec = measuredSec === 0 ? 0 : replies / measuredSec;
  const slipP99Ms = totals.slip.totalCount === 0 ? 0 : totals.slip.getValueAtPercentile(99) / 1000;
  return {
    offeredPerSec: perSec,
    achievedPerSec: Math.round(achievedPerSec),
    latency,
    failed: c.failed,
    dropped: c.dropped,
    slipP99Ms,
    stealPct: stealFrom === null || stealTo === null ? 0 : stealPercent(stealFrom, stealTo, measuredSec),
    ok: latency.p99 < (o.p99Ms ?? 10) && c.failed === 0 && c.dropped === 0 && achievedPerSec >= 0.9 * perSec,
  };
}

/**
 * Steps up until a step fails twice in a row (a step that fails is run once more: on a shared VM one
 * scheduling hiccup can push a p99 over the bound), then refines between the last rate that held and
 * the one that missed; the answer is what the highest rate that held achieved. A failure
 * while the hypervisor stole more than `maxStealPct` of the CPU time measured the host rather than the
 * target: that step is run again without counting, up to `disturbedReruns` times at each rate, each time
 * after `beforeRerun`.
 */
export function findMaxRate(o: MaxRateOptions): Promise<{ maxPerSec: number; steps: StepResult[] }> {
  return searchMaxRate(o, (rate) => runStep(o.target, rate, o));
}

/** The search of `findMaxRate` over any way of running a step. */
export async function searchMaxRate(
  o: Omit<MaxRateOptions, 'target' | 'texts'>,
  run: (perSec: number) => Promise<StepResult>,
): Promise<{ maxPerSec: number; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  const maxSteal = o.maxStealPct ?? MAX_STEAL_PCT;
  /** A rate tried under the retry rules: the last run of it, which held or did not. */
  const attempt = async (rate: number): Promise<StepResult> => {
    let misses = 0;
    let reruns = 0;
    for (;;) {
      const step = await run(rate);
      steps.push(step);
      o.onStep?.(step);
      if (step.ok) return step;
      if (step.stealPct > maxSteal && reruns < (o.disturbedReruns ?? DISTURBED_RERUNS)) {
        reruns++;
        await o.beforeRerun?.();
      } else if (++misses === 2) return step;
    }
  };
  let best = 0;
  let held = 0;
  let missed: number | undefined;
  for (let rate = o.startPerSec ?? 500; rate <= (o.ceilingPerSec ?? 200_000); ) {
    const step = await attempt(rate);
    if (!step.ok) {
      missed = rate;
      break;
    }
    held = rate;
    best = step.achievedPerSec;
    rate = Math.round(rate * (o.factor ?? 1.4));
  }
  // Between the last rate that held and the one that missed, halve the gap (geometrically) a few times.
  for (let i = 0; i < (o.refineSteps ?? REFINE_STEPS) && held > 0 && missed !== undefined; i++) {
    const mid = Math.round(Math.sqrt(held * missed));
    if (mid <= held || mid >= missed) break;
    const step = await attempt(mid);
    if (step.ok) {
      held = mid;
      best = step.achievedPerSec;
    } else missed = mid;
  }
  return { maxPerSec: best, steps };
}
