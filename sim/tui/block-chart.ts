// A sparkline several rows tall, for terminals with rows to spare: each column is a bar in eighths of a row.
import { binCells, sparkline } from './sparkline.ts';

const PARTIAL = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇'];

export interface BlockChart {
  /** `height` lines of `width` characters, top line first. */
  lines: string[];
  cursorCell: number;
  max: number;
}

/**
 * The series binned into `width` columns (each keeps its maximum) and drawn `height` rows tall. One row
 * tall it is the plain sparkline, whose ▁ baseline keeps an empty stretch visible.
 */
export function blockChart(
  values: readonly number[],
  width: number,
  height: number,
  cursor = -1,
): BlockChart {
  if (height <= 1) {
    const spark = sparkline(values, width, cursor);
    return { lines: [spark.text], cursorCell: spark.cursorCell, max: spark.max };
  }
  if (values.length === 0 || width <= 0) return { lines: Array(height).fill(''), cursorCell: -1, max: 0 };
  const { cells, cursorCell } = binCells(values, width, cursor);
  const max = Math.max(0, ...cells);
  const eighths = cells.map((v) => (max > 0 && v > 0 ? Math.max(1, Math.round((v / max) * height * 8)) : 0));
  const lines: string[] = [];
  for (let row = height - 1; row >= 0; row--) {
    lines.push(
      eighths
        .map((e) => {
          const fill = Math.min(8, Math.max(0, e - row * 8));
          return fill === 8 ? '█' : fill === 0 ? ' ' : (PARTIAL[fill] as string);
        })
        .join(''),
    );
  }
  return { lines, cursorCell, max };
}

/** The last `width` values, `height` rows tall (a scrolling per-second history). */
export function tailBlockChart(values: readonly number[], width: number, height: number): BlockChart {
  const shown = width > 0 ? values.slice(-width) : [];
  return blockChart(shown, shown.length, height);
}
