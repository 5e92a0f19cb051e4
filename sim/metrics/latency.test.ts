import { describe, expect, it } from 'vitest';
import {
  addDelta,
  createLatencyHistogram,
  createRecorderHistogram,
  decodeHistogram,
  encodeHistogram,
  recordMs,
  summarizeMs,
  toDelta,
  valuesAtPercentiles,
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

  it("summarises in one walk exactly what the histogram's own percentile and mean walks give", () => {
    const round3 = (x: number): number => Math.round(x * 1000) / 1000;
    // several shapes: one value, a few, heavy tails, counts that put percentiles on bucket edges
    const shapes: ((i: number) => number)[] = [
      () => 0.42,
      (i) => (i % 3) + 1,
      (i) => 0.2 + ((i * 7919) % 1000) / 37 + (i % 100 === 0 ? 2500 : 0),
      (i) => (i < 990 ? 1 : 800),
      (i) => 2 ** ((i % 40) / 3) / 100,
    ];
    for (const create of [createLatencyHistogram, createRecorderHistogram]) {
      for (const [k, shape] of shapes.entries()) {
        const h = create();
        const n = [1, 7, 1000, 1000, 12_345][k] as number;
        for (let i = 0; i < n; i++) recordMs(h, shape(i));
        expect(summarizeMs(h)).toEqual({
          count: n,
          p50: round3(h.getValueAtPercentile(50) / 1000),
          p90: round3(h.getValueAtPercentile(90) / 1000),
          p99: round3(h.getValueAtPercentile(99) / 1000),
          p999: round3(h.getValueAtPercentile(99.9) / 1000),
          max: round3(h.maxValue / 1000),
          mean: round3(h.mean / 1000),
        });
        const ps = [0.5, 25, 50, 75, 99.99, 100];
        expect(valuesAtPercentiles(h, ps)).toEqual(ps.map((p) => h.getValueAtPercentile(p)));
      }
    }
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
