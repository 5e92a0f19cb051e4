// Parsers for the staffing command-line values (durations, P/T targets, bounded numbers): each
// bad value becomes a usage error that names the option and shows a valid example.
import { usageError } from '../errors.ts';
import type { ServiceTarget } from './solve-agents.ts';

const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const DURATION = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)$/;

/** Seconds in a duration like "180s", "3m", "1.5h" or "250ms" (a unit is required); > 0. */
export function parseDurationSeconds(option: string, example: string, value: string): number {
  const match = DURATION.exec(value.trim());
  if (match === null) throw usageError(`${option} must be a duration like ${example}, got "${value}"`);
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] as string] as number);
  if (!(seconds > 0)) throw usageError(`${option} must be longer than 0, got "${value}"`);
  return seconds;
}

/** A service target "P/T": P% answered within T seconds ("80/20", T may carry a unit: "80/1m"). */
export function parseTarget(option: string, value: string): ServiceTarget {
  const match = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
  const percent = Number(match?.[1]);
  if (match === null || !(percent > 0 && percent < 100))
    throw usageError(
      `${option} must be P/T like 80/20 (P% answered within T seconds, 0 < P < 100), got "${value}"`,
    );
  const seconds = Number(match[2]) * (UNIT_SECONDS[match[3] ?? 's'] as number);
  return { percent, seconds };
}

/** A number in a range; `rule` is the range as the message states it, e.g. "in (0, 1]". */
export function parseBoundedNumber(
  option: string,
  rule: string,
  accepts: (n: number) => boolean,
  value: string,
): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !accepts(n))
    throw usageError(`${option} must be ${rule}, got "${value}"`);
  return n;
}

/** A positive integer. */
export function parsePositiveInt(option: string, value: string): number {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1)
    throw usageError(`${option} must be a positive integer, got "${value}"`);
  return Number(value);
}
