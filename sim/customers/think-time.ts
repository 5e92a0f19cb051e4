import { PeakdeskError } from '../errors.ts';
import type { Rng } from '../util/rng.ts';

/** z of the standard normal's 90th percentile. */
const Z90 = 1.2815515655446004;

/**
 * A lognormal sampler fixed by its median and 90th percentile, the two figures a scenario states
 * about think times. Returns milliseconds.
 */
export function lognormalMs(medianSec: number, p90Sec: number): (rng: Rng) => number {
  if (!(medianSec > 0)) {
    throw new PeakdeskError(`behaviour.thinkTimeMedianSec must be > 0, got ${medianSec}`);
  }
  if (!(p90Sec >= medianSec)) {
    throw new PeakdeskError(
      `behaviour.thinkTimeP90Sec must be >= thinkTimeMedianSec (${medianSec}), got ${p90Sec}`,
    );
  }
  const medianMs = medianSec * 1000;
  const sigma = Math.log(p90Sec / medianSec) / Z90;
  return (rng) => medianMs * Math.exp(sigma * rng.normal());
}
