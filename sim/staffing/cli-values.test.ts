import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { parseBoundedNumber, parseDurationSeconds, parsePositiveInt, parseTarget } from './cli-values.ts';

describe('parseDurationSeconds', () => {
  it.each([
    ['180s', 180],
    ['3m', 180],
    ['1.5h', 5400],
    ['250ms', 0.25],
    [' 30m ', 1800],
  ])('%s = %d s', (text, seconds) => {
    expect(parseDurationSeconds('--aht', '180s or 3m', text)).toBe(seconds);
  });

  it.each(['x', '180', '3 m', '-3m', '3d', ''])('rejects "%s" with the option and an example', (text) => {
    expect(() => parseDurationSeconds('--aht', '180s or 3m', text)).toThrow(
      `--aht must be a duration like 180s or 3m, got "${text}"`,
    );
  });

  it('rejects a zero duration', () => {
    expect(() => parseDurationSeconds('--period', '30m or 1h', '0m')).toThrow(
      '--period must be longer than 0, got "0m"',
    );
  });

  it('throws a usage error (exit code 2)', () => {
    try {
      parseDurationSeconds('--aht', '180s or 3m', 'x');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PeakdeskError);
      expect((err as PeakdeskError).exitCode).toBe(2);
    }
  });
});

describe('parseTarget', () => {
  it('reads P/T with T in seconds or with a unit', () => {
    expect(parseTarget('--target', '80/20')).toEqual({ percent: 80, seconds: 20 });
    expect(parseTarget('--target', '90/1m')).toEqual({ percent: 90, seconds: 60 });
    expect(parseTarget('--target', '95.5/0')).toEqual({ percent: 95.5, seconds: 0 });
  });

  it.each(['80', '100/20', '0/20', '80-20', 'a/b'])('rejects "%s"', (text) => {
    expect(() => parseTarget('--target', text)).toThrow(
      `--target must be P/T like 80/20 (P% answered within T seconds, 0 < P < 100), got "${text}"`,
    );
  });
});

describe('parseBoundedNumber and parsePositiveInt', () => {
  it('accepts in range and names the rule otherwise', () => {
    const occ = (v: string) => parseBoundedNumber('--max-occupancy', 'in (0, 1]', (n) => n > 0 && n <= 1, v);
    expect(occ('0.85')).toBe(0.85);
    expect(() => occ('1.5')).toThrow('--max-occupancy must be in (0, 1], got "1.5"');
    expect(() => occ('')).toThrow('--max-occupancy must be in (0, 1], got ""');
    expect(parsePositiveInt('--agents', '14')).toBe(14);
    expect(() => parsePositiveInt('--agents', '0')).toThrow('--agents must be a positive integer, got "0"');
    expect(() => parsePositiveInt('--agents', '2.5')).toThrow(
      '--agents must be a positive integer, got "2.5"',
    );
  });
});
