// The traffic curve as numbers: rate at an instant, integral over a stretch (exact for points), and an
// upper bound over a stretch (what thinning needs). Rates are new conversations per minute at real scale.
import type { Curve, CurvePoint } from './types.ts';

const MINUTE_MS = 60_000;
/** Simpson step for function curves, scenario ms. */
const FUNCTION_STEP_MS = 1000;

/**
 * Index of the last point at or before `ms`: -1 before the first point. Segment i runs from point i
 * to point i + 1 with point i's interpolation; the last "segment" is flat.
 */
export function pointIndexAt(points: readonly CurvePoint[], ms: number): number {
  let lo = 0;
  let hi = points.length - 1;
  if (points.length === 0 || ms < points[0]!.atMs) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (points[mid]!.atMs <= ms) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rate at `ms` inside segment `i` (as pointIndexAt returns). */
export function valueInSegment(points: readonly CurvePoint[], i: number, ms: number): number {
  if (i < 0) return points[0]!.perMin;
  const a = points[i]!;
  const b = points[i + 1];
  if (b === undefined || a.interpolation === 'step') return a.perMin;
  return a.perMin + ((b.perMin - a.perMin) * (ms - a.atMs)) / (b.atMs - a.atMs);
}

export function perMinAt(curve: Curve, ms: number): number {
  if (curve.kind === 'function') return curve.perMinAt((ms - curve.startMs) / MINUTE_MS);
  return valueInSegment(curve.points, pointIndexAt(curve.points, ms), ms);
}

/** Conversations at real scale in [fromMs, toMs): the curve's integral. */
export function curveIntegral(curve: Curve, fromMs: number, toMs: number): number {
  if (!(toMs > fromMs)) return 0;
  if (curve.kind === 'function') {
    const n = 2 * Math.max(1, Math.ceil((toMs - fromMs) / FUNCTION_STEP_MS / 2));
    const h = (toMs - fromMs) / n;
    let sum = perMinAt(curve, fromMs) + perMinAt(curve, toMs);
    for (let k = 1; k < n; k++) sum += (k % 2 === 1 ? 4 : 2) * perMinAt(curve, fromMs + k * h);
    return (sum * h) / 3 / MINUTE_MS;
  }
  const points = curve.points;
  let total = 0;
  let t = fromMs;
  let i = pointIndexAt(points, fromMs);
  while (t < toMs) {
    const nextAt = i + 1 < points.length ? points[i + 1]!.atMs : Number.POSITIVE_INFINITY;
    const end = Math.min(toMs, nextAt);
    total += ((valueInSegment(points, i, t) + valueInSegment(points, i, end)) / 2) * (end - t);
    t = end;
    i++;
  }
  return total / MINUTE_MS;
}

/** An upper bound of the rate over [fromMs, toMs]: exact for points, the declared maxPerMin for functions. */
export function curveMax(curve: Curve, fromMs: number, toMs: number): number {
  if (curve.kind === 'function') return curve.maxPerMin;
  const points = curve.points;
  const first = pointIndexAt(points, fromMs);
  let max = Math.max(
    valueInSegment(points, first, fromMs),
    valueInSegment(points, pointIndexAt(points, toMs), toMs),
  );
  for (let i = first + 1; i < points.length && points[i]!.atMs <= toMs; i++) {
    max = Math.max(max, points[i]!.perMin);
  }
  return max;
}
