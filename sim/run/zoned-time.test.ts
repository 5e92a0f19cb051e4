import { describe, expect, it } from 'vitest';
import { formatClock, formatZoned, zoneOffsetMs } from './zoned-time.ts';

describe('zoned time', () => {
  const midnightShanghai = Date.UTC(2026, 10, 10, 16, 0, 0); // 2026-11-11 00:00 +08:00

  it('formats scenario times in the scenario zone', () => {
    expect(formatZoned(midnightShanghai + 30_000, 'Asia/Shanghai')).toBe('2026-11-11T00:00:30+08:00');
    expect(formatZoned(midnightShanghai, 'UTC')).toBe('2026-11-10T16:00:00+00:00');
    expect(formatClock(midnightShanghai + 200_000, 'Asia/Shanghai')).toBe('11-11 00:03:20');
  });

  it('knows zone offsets, daylight saving included', () => {
    expect(zoneOffsetMs('Asia/Shanghai', midnightShanghai)).toBe(8 * 3_600_000);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2026, 6, 1))).toBe(-4 * 3_600_000);
    expect(zoneOffsetMs('America/New_York', Date.UTC(2026, 0, 1))).toBe(-5 * 3_600_000);
  });
});
