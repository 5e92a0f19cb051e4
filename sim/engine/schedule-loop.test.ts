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

  it('with a send quantum runs the events due within it together, never more than that early, in fewer wakes', async () => {
    const t0 = performance.now();
    const nowReal = (): number => performance.now() - t0;
    const early: number[] = [];
    let wakes = 0;
    let inWake = false;
    const loop = new ScheduleLoop({
      source: arrivalsEvery(0.2, 100),
      nowReal,
      onArrival: (a) => {
        early.push(a.planMs - nowReal());
        if (inWake) return;
        inWake = true;
        wakes++;
        // microtasks run when the timer callback that started them returns
        queueMicrotask(() => {
          inWake = false;
        });
      },
      sendQuantumMs: 2,
    });
    loop.run(createClock());
    await new Promise((resolve) => setTimeout(resolve, 300));
    loop.stop();
    expect(early).toHaveLength(500);
    expect(Math.max(...early)).toBeLessThanOrEqual(2);
    expect(early.filter((ms) => ms > 0.5).length).toBeGreaterThan(100);
    // timers wake at most once a millisecond: 100 ms of events in at most ~100 wakes, not one each
    expect(wakes).toBeLessThanOrEqual(110);
    expect(loop.allStarted()).toBe(true);
  });

  it('measures a message from its intended time when late and from its send when early', () => {
    const loop = new ScheduleLoop({
      source: arrivalsEvery(1000, 0),
      nowReal: () => 0,
      onArrival: () => undefined,
    });
    loop.run(createClock(2)); // plan runs at twice real speed: plan 100 is real 50
    loop.stop();
    expect(loop.measureFrom(100, 60)).toBe(50); // sent 10 ms late: measured from the intended 50
    expect(loop.measureFrom(100, 49)).toBe(49); // sent 1 ms early: measured from the send
    expect(loop.measureFrom(100, 50)).toBe(50);
  });
});
