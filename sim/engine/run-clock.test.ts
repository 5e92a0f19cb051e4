import { describe, expect, it } from 'vitest';
import { createClock, currentRate, planAt, realAt, withRate } from './run-clock.ts';

describe('run clock', () => {
  it('maps real to plan time one to one by default', () => {
    const clock = createClock();
    expect(planAt(clock, 1234)).toBe(1234);
    expect(realAt(clock, 1234)).toBe(1234);
  });

  it('pauses and resumes', () => {
    let clock = withRate(createClock(), 1000, 0); // paused at plan 1000
    expect(planAt(clock, 5000)).toBe(1000);
    expect(realAt(clock, 999)).toBe(999);
    expect(realAt(clock, 1000)).toBe(1000);
    expect(realAt(clock, 1001)).toBe(Number.POSITIVE_INFINITY);
    clock = withRate(clock, 6000, 1); // resumed after 5 s
    expect(planAt(clock, 6500)).toBe(1500);
    expect(realAt(clock, 1001)).toBe(6001);
    expect(realAt(clock, 500)).toBe(500);
  });

  it('speeds up and slows down', () => {
    const clock = withRate(withRate(createClock(), 100, 2), 200, 0.5);
    expect(planAt(clock, 150)).toBe(200);
    expect(planAt(clock, 200)).toBe(300);
    expect(planAt(clock, 400)).toBe(400);
    expect(realAt(clock, 300)).toBe(200);
    expect(realAt(clock, 250)).toBe(175);
    expect(realAt(clock, 400)).toBe(400);
    expect(currentRate(clock)).toBe(0.5);
  });

  it('rejects a change in the past or a negative rate', () => {
    const clock = withRate(createClock(), 100, 2);
    expect(() => withRate(clock, 50, 1)).toThrow('clock change at 50 ms precedes the last one at 100 ms');
    expect(() => withRate(clock, 200, -1)).toThrow('clock rate must be a finite number >= 0, got -1');
  });
});
