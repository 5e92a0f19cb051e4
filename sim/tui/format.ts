// Number, percent, duration and ratio formatting shared by the dashboard and the plain progress output.

const UNITS = ['k', 'M', 'G'] as const;

/** Up to 3 significant digits: 7, 12.3, 999, 1.0k, 12.3k, 123k, 1.2M. Keeps counts and rates narrow. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  if (a < 999.5) {
    if (Number.isInteger(a)) return `${sign}${a}`;
    return `${sign}${a < 99.95 ? a.toFixed(1) : Math.round(a)}`;
  }
  let scaled = a;
  for (const [i, suffix] of UNITS.entries()) {
    scaled /= 1000;
    if (scaled < 99.95) return `${sign}${scaled.toFixed(1)}${suffix}`;
    if (scaled < 999.5 || i === UNITS.length - 1) return `${sign}${Math.round(scaled)}${suffix}`;
  }
  return `${sign}${a}`;
}

/** Whole numbers with thousands separators (agents, exact totals): 1,234. */
export function formatInt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A 0..1 ratio as "78.3%"; "—" for null (nothing ended yet). */
export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${(ratio * 100).toFixed(1)}%`;
}

/** Milliseconds with precision that suits the size: 0.42 ms, 12.4 ms, 246 ms, 1.23 s, 12.3 s, 123 s. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return `${ms} ms`;
  if (ms < 0.995) return `${ms.toFixed(2)} ms`;
  if (ms < 99.95) return `${ms.toFixed(1)} ms`;
  if (ms < 999.5) return `${Math.round(ms)} ms`;
  const s = ms / 1000;
  if (s < 9.995) return `${s.toFixed(2)} s`;
  if (s < 99.95) return `${s.toFixed(1)} s`;
  return `${Math.round(s)} s`;
}

/** A percentile of a latency summary; "—" when nothing was measured (the zeros would read as 0 ms). */
export function formatLatency(summary: { count: number }, ms: number): string {
  return summary.count === 0 ? '—' : formatMs(ms);
}

/** A histogram bucket's upper bound, trailing zeros dropped: 0.125 ms, 0.5 ms, 12.8 ms, 1 s, 1.5 s. */
export function formatBoundMs(ms: number): string {
  const trim = (x: number): string => String(Number(x.toPrecision(3)));
  return ms < 1000 ? `${trim(ms)} ms` : `${trim(ms / 1000)} s`;
}

/** The load scale as a ratio of simulated to real volume: 0.01 → "1:100", 1 → "1:1", 2 → "2:1". */
export function formatScale(scale: number): string {
  if (scale <= 0 || !Number.isFinite(scale)) return String(scale);
  if (scale >= 1) return `${Number(scale.toPrecision(3))}:1`;
  return `1:${Number((1 / scale).toPrecision(3))}`;
}

/** Scenario seconds per wall second as "×60", "×0.5"; "PAUSED" when paused. */
export function formatSpeed(speed: number, paused: boolean): string {
  if (paused) return 'PAUSED';
  return `×${Number(speed.toPrecision(3))}`;
}

/** Pads or cuts to exactly `width` columns (ASCII and box-drawing text). */
export function fitCell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  if (width <= 0) return '';
  if (text.length > width) return width === 1 ? '…' : `${text.slice(0, width - 1)}…`;
  return align === 'left' ? text.padEnd(width) : text.padStart(width);
}

/** A section rule, "── Title ──────── right ──", exactly `width` columns (ASCII titles). */
export function titleRule(title: string, width: number, right = ''): string {
  const left = `── ${title} `;
  const tail = right === '' ? '' : ` ${right} ──`;
  const fill = width - left.length - tail.length;
  if (fill < 1) return fitCell(left + tail, width);
  return left + '─'.repeat(fill) + tail;
}
