import { describe, expect, it } from 'vitest';
import { createClock, withRate } from './run-clock.ts';
import { ScheduleLoop } from './schedule-loop.ts';
import type { PlannedArrival } from './workload.ts';

const arrivalsEvery = (everyMs: number, endPlanMs: number) => ({
  endPlanMs,
  arrivals(from: number, to: number): PlannedArrival[] {
    const out: PlannedArrival[] = [];
    for (let seq = Math.ceil(from / everyMs); seq * everyMs < to; seq++)
      out.push({ seq, planMs: seq * everyMs, intent: 'greeting', phase: 'test' });
    return out;
  },
});

describe('ScheduleLoop', () => {
  it('starts each kept arrival once, in order, at its time, and knows when all have started', async () => {
    const t0 = performance.now();
    const nowReal = (): number => performance.now() - t0;
    const started: { seq: number; lateMs: number }[] = [];
    const loop = new ScheduleLoop({
      source: arrivalsEvery(20, 300),
      nowReal,
      onArrival: (a) => started.push({ seq: a.seq, lateMs: nowReal() - a.planMs }),
      mine: (a) => a.seq % 2 === 0,
    });
    loop.run(createClock());
    expect(loop.allStarted()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    loop.stop();
    expect(started.map((s) => s.seq)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    // never early: an event runs when its time has come
    for (const s of started) expect(s.lateMs).toBeGreaterThanOrEqual(0);
    expect(loop.allStarted()).toBe(true);
  });

  it('holds events while paused and runs them after a resume', async () => {
    const t0 = performance.now();
    const nowReal = (): number => performance.now() - t0;
    const ran: number[] = [];
    const loop = new ScheduleLoop({ source: arrivalsEvery(1000, 0), nowReal, onArrival: () => undefined });
    loop.run(withRate(createClock(), 0, 0));
    loop.schedule(10, () => ran.push(10));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(ran).toEqual([]);
    loop.run(withRate(loop.runClock(), nowReal(), 1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    loop.stop();
    expect(ran).toEqual([10]);
  });
});
