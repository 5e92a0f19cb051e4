// Maps real run time (ms since the run started) onto plan time (the schedule's wall ms at the
// scenario's --speed) and back. Pausing sets the rate to 0; `+`/`-` change it. Pure data.

export interface ClockSegment {
  realStartMs: number;
  planStartMs: number;
  /** Plan ms per real ms: 1 normally, 0 paused, 2 twice as fast. */
  rate: number;
}

export type RunClock = readonly ClockSegment[];

export function createClock(rate = 1): RunClock {
  return [{ realStartMs: 0, planStartMs: 0, rate }];
}

function segmentAtReal(clock: RunClock, realMs: number): ClockSegment {
  for (let i = clock.length - 1; i > 0; i--) {
    const seg = clock[i] as ClockSegment;
    if (realMs >= seg.realStartMs) return seg;
  }
  return clock[0] as ClockSegment;
}

export function planAt(clock: RunClock, realMs: number): number {
  const seg = segmentAtReal(clock, realMs);
  return seg.planStartMs + (realMs - seg.realStartMs) * seg.rate;
}

/**
 * The real time at which plan time `planMs` is (or was, or will be at the current rate) reached;
 * Infinity while paused before it.
 */
export function realAt(clock: RunClock, planMs: number): number {
  for (let i = 0; i < clock.length; i++) {
    const seg = clock[i] as ClockSegment;
    const next = clock[i + 1];
    const segPlanEnd = next === undefined ? Number.POSITIVE_INFINITY : next.planStartMs;
    if (planMs <= segPlanEnd || next === undefined) {
      if (seg.rate === 0) return planMs <= seg.planStartMs ? seg.realStartMs : Number.POSITIVE_INFINITY;
      return seg.realStartMs + (planMs - seg.planStartMs) / seg.rate;
    }
  }
  return Number.POSITIVE_INFINITY;
}

/** A new clock whose rate changes at `realMs` (which must not precede the last change). */
export function withRate(clock: RunClock, realMs: number, rate: number): RunClock {
  if (!(rate >= 0) || !Number.isFinite(rate))
    throw new RangeError(`clock rate must be a finite number >= 0, got ${rate}`);
  const last = clock[clock.length - 1] as ClockSegment;
  if (realMs < last.realStartMs)
    throw new RangeError(`clock change at ${realMs} ms precedes the last one at ${last.realStartMs} ms`);
  return [...clock, { realStartMs: realMs, planStartMs: planAt(clock, realMs), rate }];
}

export function currentRate(clock: RunClock): number {
  return (clock[clock.length - 1] as ClockSegment).rate;
}
