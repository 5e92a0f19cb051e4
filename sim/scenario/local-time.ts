// Local wall-clock times of a scenario ("2026-11-11T00:00", "20:00", "00:00:26") turned into epoch ms
// in the scenario's IANA zone. Scenario time is epoch ms throughout the simulator.
import { zoneOffsetMs } from '../run/zoned-time.ts';

/** "HH:MM", "HH:MM:SS", optionally prefixed by "YYYY-MM-DDT"; 24:00 means the end of that day. */
export const LOCAL_TIME_PATTERN =
  /^(?:(\d{4})-(\d{2})-(\d{2})T)?(?:([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?|(24):(00)(?::(00))?)$/;

export const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface LocalTime {
  /** Calendar date, or undefined for a bare time of day. */
  date: { year: number; month: number; day: number } | undefined;
  /** Milliseconds after local midnight, 0 .. 86_400_000 inclusive. */
  msOfDay: number;
}

/** Parses a local time; undefined when it does not match LOCAL_TIME_PATTERN or names no real date. */
export function parseLocalTime(text: string): LocalTime | undefined {
  const m = LOCAL_TIME_PATTERN.exec(text);
  if (m === null) return undefined;
  const hh = Number(m[4] ?? m[7]);
  const mm = Number(m[5] ?? m[8]);
  const ss = Number(m[6] ?? m[9] ?? 0);
  const msOfDay = ((hh * 60 + mm) * 60 + ss) * 1000;
  if (m[1] === undefined) return { date: undefined, msOfDay };
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (!isRealDate(date.year, date.month, date.day)) return undefined;
  return { date, msOfDay };
}

export function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Epoch ms of a local date and time of day in the zone (two passes settle the offset across DST). */
export function zonedEpochMs(
  timezone: string,
  date: { year: number; month: number; day: number },
  msOfDay: number,
): number {
  const asUtc = Date.UTC(date.year, date.month - 1, date.day) + msOfDay;
  const first = asUtc - zoneOffsetMs(timezone, asUtc);
  return asUtc - zoneOffsetMs(timezone, first);
}

/** The local calendar date at an instant. */
export function localDateAt(timezone: string, epochMs: number): { year: number; month: number; day: number } {
  const shifted = new Date(epochMs + zoneOffsetMs(timezone, epochMs));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Resolves a local time to epoch ms. A dated time is absolute; a bare time of day is its first
 * occurrence at or after `notBeforeMs` (strictly after when `strictlyAfter`).
 */
export function resolveLocalTime(
  timezone: string,
  time: LocalTime,
  notBeforeMs: number,
  strictlyAfter = false,
): number {
  if (time.date !== undefined) return zonedEpochMs(timezone, time.date, time.msOfDay);
  const day = localDateAt(timezone, notBeforeMs);
  for (let offset = -1; offset <= 2; offset++) {
    const at = zonedEpochMs(timezone, addDays(day, offset), time.msOfDay);
    if (strictlyAfter ? at > notBeforeMs : at >= notBeforeMs) return at;
  }
  throw new RangeError(`no occurrence of local time ${time.msOfDay} ms within two days of ${notBeforeMs}`);
}

/** "2026-11-11T00:00" or "2026-11-11T00:00:26" (seconds only when not zero), in the zone. */
export function formatLocal(timezone: string, epochMs: number): string {
  const shifted = new Date(epochMs + zoneOffsetMs(timezone, epochMs));
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const base = `${shifted.getUTCFullYear()}-${p2(shifted.getUTCMonth() + 1)}-${p2(shifted.getUTCDate())}T${p2(shifted.getUTCHours())}:${p2(shifted.getUTCMinutes())}`;
  const sec = shifted.getUTCSeconds();
  return sec === 0 ? base : `${base}:${p2(sec)}`;
}

/** True when the runtime knows the IANA zone name (aliases such as Asia/Chongqing included). */
export function isKnownTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}
