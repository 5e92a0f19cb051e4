// The open-model timing core both drivers share (WebSocket driver threads, the HTTP replay): a heap of
// callbacks keyed by plan time, arrivals generated ahead in whole chunks, and one timer armed for the
// next due event on the run clock (paused, resumed or sped up by swapping the clock).
import { MinHeap } from './min-heap.ts';
import { planAt, type RunClock, realAt } from './run-clock.ts';
import type { PlannedArrival } from './workload.ts';

/** Arrivals are generated this far ahead of real time. */
const LOOKAHEAD_REAL_MS = 250;
/**
 * Arrivals are asked for in whole chunks of plan time, never per tick: an arrival source may draw a
 * whole block whatever the window asked (thinning by blocks), so tiny windows would redo that work.
 */
const GENERATE_CHUNK_PLAN_MS = 1000;
/** The loop wakes at least this often, events due or not. */
const HOUSEKEEPING_MS = 50;

export interface ArrivalSource {
  endPlanMs: number;
  arrivals(fromPlanMs: number, toPlanMs: number): PlannedArrival[];
}

export interface ScheduleLoopOptions {
  source: ArrivalSource;
  /** Real ms since the run started. */
  nowReal(): number;
  /** Called at each arrival's time (of those `mine` keeps). */
  onArrival(arrival: PlannedArrival): void;
  /** Which arrivals this driver replays (a thread keeps its share). @default all */
  mine?: (arrival: PlannedArrival) => boolean;
  /**
   * Events due within this many ms of a wake run in that wake, up to that much early, and the loop waits
   * on a timer instead of spinning through the last millisecond. Frames due together then leave in one
   * write per socket (about half the driver's CPU per message at 25,000/s). A message sent early is
   * measured from its actual send (`measureFrom`), so no latency is hidden; the traffic's shape is kept
   * to within the quantum. @default 0 (every event at its time, the last millisecond waited out with setImmediate)
   */
  sendQuantumMs?: number;
}

export class ScheduleLoop {
  /** Callbacks, and arrivals to start (kept as they are: a closure each lived as long as the lookahead). */
  private readonly events = new MinHeap<(() => void) | PlannedArrival>();
  private clock: RunClock = [{ realStartMs: 0, planStartMs: 0, rate: 1 }];
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  /** Real time the timer is armed for; an event due sooner re-arms it. */
  private armedRealMs = Number.POSITIVE_INFINITY;
  private generatedUntilPlan = 0;
  /** Arrivals in the heap whose time has not come. */
  private pendingStarts = 0;
  private running = false;

  private readonly quantumMs: number;

  constructor(private readonly o: ScheduleLoopOptions) {
    this.quantumMs = o.sendQuantumMs ?? 0;
  }

  /** Starts (or, with a new clock, re-times) the loop. */
  run(clock: RunClock): void {
    this.clock = clock;
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    this.disarm();
  }

  runClock(): RunClock {
    return this.clock;
  }

  planNow(): number {
    return planAt(this.clock, this.o.nowReal());
  }

  realAt(planMs: number): number {
    return realAt(this.clock, planMs);
  }

  planAt(realMs: number): number {
    return planAt(this.clock, realMs);
  }

  /**
   * The real ms a message meant for plan time `planMs` and sent now is measured from: its intended time
   * (so a late send counts its lateness: no coordinated omission), or now if it leaves early within the
   * send quantum (so an early send hides nothing).
   */
  measureFrom(planMs: number, nowRealMs: number): number {
    return Math.min(realAt(this.clock, planMs), nowRealMs);
  }

  /** Runs `fn` at plan time `planMs` (at once if that has passed). */
  schedule(planMs: number, fn: () => void): void {
    this.events.push(planMs, fn);
    if (!this.running) return;
    const due = realAt(this.clock, planMs);
    if (due < this.armedRealMs) this.arm(due);
  }

  /** Every arrival has been generated and has started: what is left are open conversations. */
  allStarted(): boolean {
    return this.generatedUntilPlan >= this.o.source.endPlanMs && this.pendingStarts === 0;
  }

  private disarm(): void {
    if (this.timer === undefined) return;
    if ('hasRef' in this.timer && 'refresh' in this.timer) clearTimeout(this.timer);
    else clearImmediate(this.timer);
    this.timer = undefined;
    this.armedRealMs = Number.POSITIVE_INFINITY;
  }

  /**
   * Node timers have whole-ms granularity; without a send quantum the last sub-millisecond is waited out
   * with setImmediate. With one, an event that close is run early by the wake that would arm for it.
   */
  private arm(dueRealMs: number): void {
    this.disarm();
    this.armedRealMs = dueRealMs;
    const delay = dueRealMs - this.o.nowReal();
    this.timer =
      delay < 1 && this.quantumMs < 1
        ? setImmediate(this.tick)
        : setTimeout(this.tick, Math.max(0, Math.floor(delay)));
  }

  private generate(untilPlan: number): void {
    const { source, mine } = this.o;
    while (this.generatedUntilPlan < Math.min(untilPlan, source.endPlanMs)) {
      const from = this.generatedUntilPlan;
      const to = Math.min(
        (Math.floor(from / GENERATE_CHUNK_PLAN_MS) + 1) * GENERATE_CHUNK_PLAN_MS,
        source.endPlanMs,
      );
      for (const arrival of source.arrivals(from, to)) {
        if (mine !== undefined && !mine(arrival)) continue;
        this.pendingStarts++;
        this.events.push(arrival.planMs, arrival);
      }
      this.generatedUntilPlan = to;
    }
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    this.armedRealMs = Number.POSITIVE_INFINITY;
    if (!this.running) return;
    const real = this.o.nowReal();
    this.generate(planAt(this.clock, real + LOOKAHEAD_REAL_MS));
    const planNow = planAt(this.clock, real + this.quantumMs);
    const events = this.events;
    for (let key = events.peekKey(); key !== undefined && key <= planNow; key = events.peekKey()) {
      const event = events.pop() as (() => void) | PlannedArrival;
      if (typeof event === 'function') {
        event();
      } else {
        this.pendingStarts--;
        this.o.onArrival(event);
      }
      if (!this.running) return;
    }
    const next = events.peekKey();
    const nextReal = next === undefined ? Number.POSITIVE_INFINITY : realAt(this.clock, next);
    this.arm(Math.min(this.o.nowReal() + HOUSEKEEPING_MS, nextReal));
  };
}
