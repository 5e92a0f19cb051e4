// Order id format: "E" + order date YYYYMMDD + 8-digit sequence, e.g. E2026111100012345 (17 characters).

export const ORDER_ID_PATTERN =
  /(?<![0-9A-Za-z])[Ee]?(20\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{8})(?!\d)/;

/** The id of the `seq`-th order placed on a day (UTC date of `dayMs`). */
export function formatOrderId(dayMs: number, seq: number): string {
  const d = new Date(dayMs);
  const ymd = `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
  return `E${ymd}${String(seq).padStart(8, '0')}`;
}

/** The first order id in free text, canonical form (upper-case E), or undefined. */
export function findOrderId(text: string): string | undefined {
  const m = ORDER_ID_PATTERN.exec(text);
  return m ? `E${m[1]}` : undefined;
}
