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

/** Records a latency given in (fractional) milliseconds; values past an hour are clamped to the top. */
export function recordMs(histogram: Histogram, ms: number): void {
  const us = Math.round(ms * 1000);
  histogram.recordValue(Math.min(HIGHEST_US, Math.max(LOWEST_US, us)));
}

/** A histogram as compressed base64 (the HdrHistogram log encoding), for crossing threads. */
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
