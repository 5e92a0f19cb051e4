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
  // counted first, then written into an array of that size: a driver makes several a second, and a
  // growing number[] copied into the result allocated several times the result's size
  let pairs = 0;
  let end = 0;
  for (let remaining = histogram.totalCount; end < walk.countsArrayLength && remaining > 0; end++) {
    const count = walk.getCountAtIndex(end);
    if (count > 0) {
      pairs++;
      remaining -= count;
    }
  }
  const out = new Float64Array(2 * pairs);
  for (let i = 0, at = 0; i < end; i++) {
    const count = walk.getCountAtIndex(i);
    if (count > 0) {
      out[at++] = walk.valueFromIndex(i);
      out[at++] = count;
    }
  }
  return out;
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

/** What one walk over the counts needs of a histogram (JsHistogram's, missing from the typings). */
interface SummaryWalk extends CountsWalk {
  highestEquivalentValue(value: number): number;
  medianEquivalentValue(value: number): number;
}

const SUMMARY_PERCENTILES = [50, 90, 99, 99.9] as const;

/** hdr-histogram-js's count at a percentile: rounded up, but not by a floating-point ulp. */
function countAtPercentile(percentile: number, totalCount: number): number {
  const fp = (Math.min(percentile, 100) / 100) * totalCount;
  const ulp = fp === 0 ? 0 : 2 ** (Math.floor(Math.log2(fp)) - 52);
  return Math.max(Math.ceil(fp - ulp), 1);
}

/**
 * The histogram's own getValueAtPercentile (µs) for each of `percentiles` (ascending, each > 0), and the
 * sum its mean is taken from, in one walk over the counts instead of a walk each: a packed histogram's
 * count lookups made the live dashboard's, the summary's and the report's percentiles the main thread's
 * top cost in a profile of `peakdesk run`.
 */
function walkPercentiles(
  histogram: Histogram,
  percentiles: readonly number[],
): { values: number[]; medianSum: number } {
  const total = histogram.totalCount;
  const walk = histogram as unknown as SummaryWalk;
  const wanted = percentiles.map((p) => countAtPercentile(p, total));
  const values: number[] = [];
  let seen = 0;
  let medianSum = 0;
  for (let i = 0; i < walk.countsArrayLength && seen < total; i++) {
    const count = walk.getCountAtIndex(i);
    if (count === 0) continue;
    seen += count;
    const value = walk.valueFromIndex(i);
    medianSum += walk.medianEquivalentValue(value) * count;
    while (values.length < wanted.length && seen >= (wanted[values.length] as number)) {
      values.push(walk.highestEquivalentValue(value));
    }
  }
  return { values, medianSum };
}

/** Values (µs) at ascending percentiles (each > 0), exactly as getValueAtPercentile gives them; 0s when empty. */
export function valuesAtPercentiles(histogram: Histogram, percentiles: readonly number[]): number[] {
  if (histogram.totalCount === 0) return percentiles.map(() => 0);
  return walkPercentiles(histogram, percentiles).values;
}

/** Percentiles, max and mean in milliseconds (zeros when empty), as the histogram's own methods give them. */
export function summarizeMs(histogram: Histogram): LatencySummaryMs {
  const total = histogram.totalCount;
  if (total === 0) return { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  const { values, medianSum } = walkPercentiles(histogram, SUMMARY_PERCENTILES);
  const ms = (us: number | undefined): number => round3((us ?? 0) / 1000);
  return {
    count: total,
    p50: ms(values[0]),
    p90: ms(values[1]),
    p99: ms(values[2]),
    p999: ms(values[3]),
    max: ms(histogram.maxValue),
    mean: ms(medianSum / total),
  };
}
