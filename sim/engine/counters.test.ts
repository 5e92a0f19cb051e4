import { describe, expect, it } from 'vitest';
import {
  admitArrival,
  botResolution,
  countOutcome,
  countScheduled,
  createCounters,
  endOutcome,
  inFlight,
  mergeCounters,
} from './counters.ts';

describe('run counters', () => {
  it('balance: scheduled = outcomes + in flight', () => {
    const c = createCounters();
    for (let i = 0; i < 7; i++) countScheduled(c, 'logistics.track');
    countOutcome(c, 'logistics.track', 'resolved');
    countOutcome(c, 'logistics.track', 'resolved');
    countOutcome(c, 'logistics.track', 'handedOff');
    countOutcome(c, 'logistics.track', 'dropped');
    expect(inFlight(c)).toBe(3);
    expect(c.byIntent['logistics.track']).toEqual({
      scheduled: 7,
      resolved: 2,
      handedOff: 1,
      abandoned: 0,
      failed: 0,
      dropped: 1,
    });
    expect(botResolution(c)).toBeCloseTo(2 / 3, 12);
  });

  it('merges deltas from several threads exactly', () => {
    const a = createCounters();
    const b = createCounters();
    countScheduled(a, 'greeting');
    countOutcome(a, 'greeting', 'resolved');
    a.errors.rate_limited = 2;
    a.handoffsByQueue.presale = 1;
    countScheduled(b, 'greeting');
    countScheduled(b, 'complaint');
    countOutcome(b, 'complaint', 'handedOff');
    b.errors.rate_limited = 3;
    b.handoffsByQueue.complaints = 1;
    const total = mergeCounters(mergeCounters(createCounters(), a), b);
    expect(total.scheduled).toBe(3);
    expect(total.errors).toEqual({ rate_limited: 5 });
    expect(total.handoffsByQueue).toEqual({ presale: 1, complaints: 1 });
    expect(total.byIntent.greeting?.scheduled).toBe(2);
    expect(inFlight(total)).toBe(1);
  });

  it('has no resolution rate before any conversation ended', () => {
    expect(botResolution(createCounters())).toBeNull();
  });
});

describe('admitArrival', () => {
  it('counts every arrival scheduled, late ones past the tolerance, and drops at the cap', () => {
    const c = createCounters();
    expect(admitArrival(c, 'greeting', 5, 20, false)).toBe(true);
    expect(admitArrival(c, 'greeting', 25, 20, false)).toBe(true);
    expect(admitArrival(c, 'invoice', 0, 20, true)).toBe(false);
    expect([c.scheduled, c.lateStarts, c.dropped]).toEqual([3, 1, 1]);
    expect(c.byIntent.invoice).toMatchObject({ scheduled: 1, dropped: 1 });
    expect(c.byIntent.greeting).toMatchObject({ scheduled: 2, dropped: 0 });
  });

  it("counts a customer's end as its outcome: a hand-off they accepted is handed off", () => {
    expect(endOutcome('resolved')).toBe('resolved');
    expect(endOutcome('handoff_accepted')).toBe('handedOff');
    expect(endOutcome('abandoned')).toBe('abandoned');
  });
});
