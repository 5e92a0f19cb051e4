// Sparklines: numbers to ▁▂▃▄▅▆▇█ at a given width, with the cell that holds a cursor index.

export const SPARK_LEVELS = '▁▂▃▄▅▆▇█';

/** One of the 8 block levels for value ÷ max (0 → ▁, max → █); ▁ everywhere when max ≤ 0. */
export function sparkChar(value: number, max: number): string {
  if (!(max > 0) || !(value > 0)) return SPARK_LEVELS[0] as string;
  const level = Math.min(7, Math.floor((value / max) * 8));
  return SPARK_LEVELS[level] as string;
}

export interface Sparkline {
  /** Exactly `width` characters (fewer only when there are no values). */
  text: string;
  /** Index in `text` of the cell holding the cursor, or -1. */
  cursorCell: number;
  /** The largest value drawn (the height of █). */
  max: number;
}

export interface Cells {
  /** One value per cell: the maximum of the values the cell covers. */
  cells: number[];
  /** The cell that covers index `cursor`, or -1. */
  cursorCell: number;
}

/**
 * The whole series squeezed or stretched into `width` cells. Squeezing keeps each cell's maximum,
 * so a one-minute spike still shows at the top of a day-long curve.
 */
export function binCells(values: readonly number[], width: number, cursor = -1): Cells {
  const n = values.length;
  const cells: number[] = [];
  let cursorCell = -1;
  if (n === 0) return { cells, cursorCell };
  for (let i = 0; i < width; i++) {
    const start = Math.floor((i * n) / width);
    const end = Math.max(start + 1, Math.floor(((i + 1) * n) / width));
    let cellMax = Number.NEGATIVE_INFINITY;
    for (let j = start; j < end; j++) cellMax = Math.max(cellMax, values[j] ?? 0);
    cells.push(cellMax);
    if (cursorCell === -1 && cursor >= start && cursor < end) cursorCell = i;
  }
  return { cells, cursorCell };
}

/** The whole series as one line of `width` cells (see binCells), with the cursor's cell. */
export function sparkline(values: readonly number[], width: number, cursor = -1): Sparkline {
  if (values.length === 0 || width <= 0) return { text: '', cursorCell: -1, max: 0 };
  const { cells, cursorCell } = binCells(values, width, cursor);
  const max = Math.max(0, ...cells);
  return { text: cells.map((v) => sparkChar(v, max)).join(''), cursorCell, max };
}

/** The most recent `width` values, one cell each (a scrolling per-second history). */
export function tailSparkline(values: readonly number[], width: number): Sparkline {
  if (width <= 0) return { text: '', cursorCell: -1, max: 0 };
  const shown = values.slice(-width);
  const max = Math.max(0, ...shown);
  return { text: shown.map((v) => sparkChar(v, max)).join(''), cursorCell: -1, max };
}

/** The line under a sparkline: ▲ under the cursor cell, the label beside it on whichever side has room. */
export function cursorMarker(cell: number, width: number, label: string): string {
  if (cell < 0 || cell >= width) return '';
  if (cell + 2 + label.length <= width) return `${' '.repeat(cell)}▲ ${label}`;
  const start = cell - 1 - label.length;
  if (start >= 0) return `${' '.repeat(start)}${label} ▲`;
  return `${' '.repeat(cell)}▲`;
}
