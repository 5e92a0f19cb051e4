import { describe, expect, it } from 'vitest';
import { addDelta, createLatencyHistogram } from '../metrics/latency.ts';
import { DriverMeter } from './driver-meter.ts';

describe('DriverMeter', () => {
  it('counts starts, ends and give-ups, and hands each window over once', () => {
    const m = new DriverMeter();
    expect(m.admit('invoice', 5, 20, false)).toBe(true);
    expect(m.admit('invoice', 30, 20, false)).toBe(true);
    expect(m.admit('greeting', 0, 20, true)).toBe(false);
    m.gaveUp('invoice');
    // the one already counted abandoned is not counted again when it ends
    m.ended('invoice', 'abandoned', true);
    m.ended('invoice', 'handedOff', false, { queue: 'aftersale', reason: 'request' });
    m.latencyMs(2, 'invoice');
    const w = m.take();
    expect(w.counters).toMatchObject({
      scheduled: 3,
      lateStarts: 1,
      dropped: 1,
      abandoned: 1,
      handedOff: 1,
      gaveUpWaiting: 1,
      handoffsByQueue: { aftersale: 1 },
      handoffsByReason: { request: 1 },
    });
    const slip = createLatencyHistogram();
    addDelta(slip, w.slip);
    expect(slip.totalCount).toBe(3);
    expect(Object.keys(w.latencyByIntent)).toEqual(['invoice']);
    const next = m.take();
    expect(next.counters.scheduled).toBe(0);
    expect(next.latency.length).toBe(0);
    expect(next.latencyByIntent).toEqual({});
  });

  it('times a departure from its intended time when late and from the send when early, with its slip', () => {
    const m = new DriverMeter();
    // plan time 100 is real 50 on this loop
    const loop = { measureFrom: (planMs: number, now: number) => Math.min(planMs / 2, now) };
    expect(m.departure(loop, 100, 62)).toBe(50); // 12 ms late: from the intended time
    expect(m.departure(loop, 100, 49.5)).toBe(49.5); // early: from the send, no slip
    const slip = createLatencyHistogram();
    addDelta(slip, m.take().slip);
    expect(slip.totalCount).toBe(2);
    expect(slip.maxValue).toBe(12_000); // µs
    expect(slip.minNonZeroValue).toBe(1); // the early one counts as 0 slip (recorded at the 1 µs floor)
  });
});
