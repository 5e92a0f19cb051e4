// Store times are China Standard Time (UTC+8) wall-clock dates turned into ms since epoch.

export const CST_OFFSET_MS = 8 * 3600_000;

/** ms since epoch of a China-time wall clock. */
export function cst(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute) - CST_OFFSET_MS;
}

/** "11月11日 20:00" / "Nov 11 20:00" in China time. */
export function formatCst(ms: number, lang: 'zh' | 'en'): string {
  const d = new Date(ms + CST_OFFSET_MS);
  const hm = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  if (lang === 'zh') return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${hm}`;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${months[d.getUTCMonth()]} ${d.getUTCDate()} ${hm}`;
}

export const DAY_MS = 86_400_000;
