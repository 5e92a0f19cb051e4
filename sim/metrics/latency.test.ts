import { describe, expect, it } from 'vitest';
import {
  addDelta,
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  recordMs,
  summarizeMs,
  toDelta,
} from './latency.ts';

describe('latency histograms', () => {
  it('summarises milliseconds at 3 significant digits', () => {
    const h = createLatencyHistogram();
    for (let i = 1; i <= 1000; i++) recordMs(h, i / 10); // 0.1 .. 100 ms
    const s = summarizeMs(h);
    expect(s.count).toBe(1000);
    expect(s.p50).toBeCloseTo(50, 1);
    expect(s.p99).toBeCloseTo(99, 0);
    expect(s.max).toBeCloseTo(100, 0);
    expect(Math.abs(s.p999 - 99.9) / 99.9).toBeLessThan(0.001);
  });

  it('survives encoding across threads and merges exactly', () => {
    const a = createLatencyHistogram();
    const b = createLatencyHistogram();
    recordMs(a, 1);
    recordMs(a, 2);
    recordMs(b, 1000);
    const merged = createLatencyHistogram();
    merged.add(decodeHistogram(encodeHistogram(a)));
    merged.add(decodeHistogram(encodeHistogram(b)));
    expect(merged.totalCount).toBe(3);
    expect(summarizeMs(merged).max).toBeCloseTo(1000, 0);
    expect(summarizeMs(merged).p50).toBeCloseTo(2, 2);
  });

  it('crosses threads as a sparse delta with every count kept', () => {
    const a = createLatencyHistogram();
    for (let i = 0; i < 5000; i++) recordMs(a, (i % 97) * 0.37 + (i % 7) * 11);
    recordMs(a, 3_000_000);
    const delta = toDelta(a);
    const b = createLatencyHistogram();
    addDelta(b, delta);
    addDelta(b, toDelta(createLatencyHistogram()));
    expect(b.totalCount).toBe(5001);
    for (const p of [1, 50, 90, 99, 99.9, 100])
      expect(b.getValueAtPercentile(p)).toBe(a.getValueAtPercentile(p));
    // max comes back as its bucket's value: within the histogram's 3-digit resolution
    expect(Math.abs(b.maxValue - a.maxValue) / a.maxValue).toBeLessThan(1e-3);
  });

  it('clamps out-of-range values instead of throwing', () => {
    const h = createLatencyHistogram();
    recordMs(h, -5);
    recordMs(h, 10 * 3_600_000);
    expect(h.totalCount).toBe(2);
    expect(h.minNonZeroValue).toBe(1);
  });

  it('reports zeros for an empty histogram', () => {
    expect(summarizeMs(createLatencyHistogram())).toEqual({
      count: 0,
      p50: 0,
      p90: 0,
      p99: 0,
      p999: 0,
      max: 0,
      mean: 0,
    });
  });
});
