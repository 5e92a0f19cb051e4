// Latency distributions: HdrHistograms of microseconds (1 µs .. 1 h, 3 significant digits).
import * as hdr from 'hdr-histogram-js';

export type Histogram = hdr.Histogram;

const LOWEST_US = 1;
const HIGHEST_US = 3_600_000_000;
const DIGITS = 3;

export function createLatencyHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: LOWEST_US,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: DIGITS,
    bitBucketSize: 'packed',
    useWebAssembly: false,
  });
}

/**
 * A histogram for the hot path of a driver thread: plain 32-bit counts (~180 KB) rather than the
 * packed array, whose index lookups cost more than the rest of recording and of `toDelta` together
 * (seen in a CPU profile of the driver). Reset and reused, not rebuilt.
 */
export function createRecorderHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: LOWEST_US,
    highestTrackableValue: HIGHEST_US,
    numberOfSignificantValueDigits: DIGITS,
    bitBucketSize: 32,
    useWebAssembly: false,
  });
}

/** Records a latency given in (fractional) milliseconds; values past an hour are clamped to the top. */
export function recordMs(histogram: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(LOWEST_US, us)));
}

/** The counts walk the histogram exposes (JsHistogram), missing from its public typings. */
interface CountsWalk {
  countsArrayLength: number;
  getCountAtIndex(index: number): number;
  valueFromIndex(index: number): number;
}

/**
 * A histogram as sparse `[value, count, …]` pairs, for crossing threads each second: exact, and
 * ~100× cheaper than the compressed log encoding (whose JS deflate takes ~4 ms a histogram).
 */
export function toDelta(histogram: Histogram): Float64Array {
  const walk = histogram as unknown as CountsWalk;
  const out: number[] = [];
  let remaining = histogram.totalCount;
  for (let i = 0; i < walk.countsArrayLength && remaining > 0; i++) {
    const count = walk.getCountAtIndex(i);
    if (count > 0) {
      out.push(walk.valueFromIndex(i), count);
      remaining -= count;
    }
  }
  return Float64Array.from(out);
}

/** Adds a `toDelta` result into a histogram. */
export function addDelta(histogram: Histogram, delta: Float64Array): void {
  for (let i = 0; i < delta.length; i += 2) {
    histogram.recordValueWithCount(delta[i] as number, delta[i + 1] as number);
  }
}

/** A histogram as compressed base64 (the HdrHistogram log encoding). */
export function encodeHistogram(histogram: Histogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded, 'packed', false);
}

export interface LatencySummaryMs {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Percentiles in milliseconds; zeros when empty. */
export function summarizeMs(histogram: Histogram): LatencySummaryMs {
  if (histogram.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  return {
    count: histogram.totalCount,
    p50: round3(histogram.getValueAtPercentile(50) / 1000),
    p90: round3(histogram.getValueAtPercentile(90) / 1000),
    p99: round3(histogram.getValueAtPercentile(99) / 1000),
    p999: round3(histogram.getValueAtPercentile(99.9) / 1000),
    max: round3(histogram.maxValue / 1000),
    mean: round3(histogram.mean / 1000),
  };
}
