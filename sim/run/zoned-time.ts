// Scenario clocks live in a named time zone (Asia/Shanghai by default). Intl does the zone maths.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timezone: string): Intl.DateTimeFormat {
  let f = formatters.get(timezone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timezone, f);
  }
  return f;
}

function localParts(epochMs: number, timezone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of partsFormatter(timezone).formatToParts(epochMs)) out[p.type] = p.value;
  return out;
}

/** Offset of the zone from UTC at that instant, ms (Asia/Shanghai: +8 h). */
export function zoneOffsetMs(timezone: string, epochMs: number): number {
  const p = localParts(epochMs, timezone);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** ISO 8601 with the zone's offset, second precision: 2026-11-11T00:00:30+08:00. */
export function formatZoned(epochMs: number, timezone: string): string {
  const p = localParts(epochMs, timezone);
  const offsetMin = Math.round(zoneOffsetMs(timezone, epochMs) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${hh}:${mm}`;
}

/** Short dashboard clock: "11-11 00:03:20". */
export function formatClock(epochMs: number, timezone: string): string {
  const p = localParts(epochMs, timezone);
  return `${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
