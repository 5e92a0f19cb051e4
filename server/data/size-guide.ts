// Size suggestion from height and weight (apparel) or foot length (shoes).
import { APPAREL_SIZES } from './products.ts';

export type ApparelSize = (typeof APPAREL_SIZES)[number];

const WEIGHT_STEPS = [55, 65, 75, 85] as const;
const HEIGHT_STEPS = [160, 170, 178, 185] as const;

function step(value: number, steps: readonly number[]): number {
  let i = 0;
  while (i < steps.length && value > (steps[i] as number)) i++;
  return i;
}

/** The larger of the height and weight sizes, so neither length nor girth is too tight. */
export function suggestApparelSize(heightCm: number, weightKg: number): ApparelSize {
  const idx = Math.max(step(heightCm, HEIGHT_STEPS), step(weightKg, WEIGHT_STEPS));
  return APPAREL_SIZES[Math.min(idx, APPAREL_SIZES.length - 1)] as ApparelSize;
}

/** Chinese shoe size (EU-like) for a foot length in cm: size = 2 × length − 10, rounded up, clamped 35–46. */
export function suggestShoeSize(footCm: number): number {
  return Math.min(46, Math.max(35, Math.ceil(2 * footCm - 10)));
}
