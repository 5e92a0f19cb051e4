import { describe, expect, it } from 'vitest';
import { formatLocal, isKnownTimezone, parseLocalTime, resolveLocalTime } from './local-time.ts';

const SH = 'Asia/Shanghai';
const nov11 = Date.UTC(2026, 10, 10, 16); // 2026-11-11T00:00+08:00

describe('local times', () => {
  it('parses bare and dated times, 24:00 included', () => {
    expect(parseLocalTime('00:00:26')).toEqual({ date: undefined, msOfDay: 26_000 });
    expect(parseLocalTime('24:00')).toEqual({ date: undefined, msOfDay: 86_400_000 });
    expect(parseLocalTime('2026-11-11T20:30')).toEqual({
      date: { year: 2026, month: 11, day: 11 },
      msOfDay: 73_800_000,
    });
    expect(parseLocalTime('25:00')).toBeUndefined();
    expect(parseLocalTime('24:01')).toBeUndefined();
    expect(parseLocalTime('2026-02-30T10:00')).toBeUndefined();
    expect(parseLocalTime('9:00')).toBeUndefined();
  });

  it('resolves a bare time to its next occurrence in the zone', () => {
    const t = parseLocalTime('20:00')!;
    expect(resolveLocalTime(SH, t, nov11)).toBe(nov11 + 20 * 3_600_000);
    expect(resolveLocalTime(SH, t, nov11 + 20 * 3_600_000)).toBe(nov11 + 20 * 3_600_000);
    expect(resolveLocalTime(SH, t, nov11 + 20 * 3_600_000, true)).toBe(nov11 + 44 * 3_600_000);
    expect(resolveLocalTime(SH, parseLocalTime('00:30')!, nov11 - 600_000)).toBe(nov11 + 1_800_000);
  });

  it('resolves dated times across a DST change (New York, 2026-03-08)', () => {
    const ny = 'America/New_York';
    expect(resolveLocalTime(ny, parseLocalTime('2026-03-08T01:00')!, 0)).toBe(Date.UTC(2026, 2, 8, 6));
    expect(resolveLocalTime(ny, parseLocalTime('2026-03-08T04:00')!, 0)).toBe(Date.UTC(2026, 2, 8, 8));
  });

  it('formats in the zone, seconds only when set', () => {
    expect(formatLocal(SH, nov11)).toBe('2026-11-11T00:00');
    expect(formatLocal(SH, nov11 + 26_000)).toBe('2026-11-11T00:00:26');
  });

  it('knows IANA zone names', () => {
    expect(isKnownTimezone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimezone('UTC')).toBe(true);
    expect(isKnownTimezone('Mars/Base')).toBe(false);
  });
});
