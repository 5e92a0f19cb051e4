// Horizontal bars with eighth-cell resolution, and the latency histogram folded to fit the rows there are.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar of value ÷ max × width cells; any value above zero shows at least ▏. */
export function bar(value: number, max: number, width: number): string {
  if (!(value > 0) || !(max > 0) || width <= 0) return '';
  const eighths = Math.min(width * 8, Math.max(1, Math.round((value / max) * width * 8)));
  const full = Math.floor(eighths / 8);
  return '█'.repeat(full) + EIGHTHS[eighths % 8];
}

export interface Bucket {
  leMs: number;
  count: number;
}

/**
 * The non-empty span of the histogram, adjacent buckets merged pairwise (from the fast end) until it has
 * at most `maxRows` rows. A merged row keeps the upper bound of its slower bucket.
 */
export function foldBuckets(buckets: readonly Bucket[], maxRows: number): Bucket[] {
  const first = buckets.findIndex((b) => b.count > 0);
  if (first === -1 || maxRows <= 0) return [];
  let last = buckets.length - 1;
  while ((buckets[last] as Bucket).count === 0) last--;
  let rows = buckets.slice(first, last + 1).map((b) => ({ ...b }));
  while (rows.length > maxRows) {
    const merged: Bucket[] = [];
    for (let i = 0; i < rows.length; i += 2) {
      const a = rows[i] as Bucket;
      const b = rows[i + 1];
      merged.push(b === undefined ? a : { leMs: b.leMs, count: a.count + b.count });
    }
    rows = merged;
  }
  return rows;
}
