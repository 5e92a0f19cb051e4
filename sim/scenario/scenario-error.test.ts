import { describe, expect, it } from 'vitest';
import { describeValue, formatPath, scenarioError } from './scenario-error.ts';

describe('scenario errors', () => {
  it('formats paths with dots and indexes', () => {
    expect(formatPath(['curve', 'points', 3, 'at'])).toBe('curve.points[3].at');
    expect(formatPath([])).toBe('');
  });

  it('shows values after "got" by kind', () => {
    expect(describeValue('25:00')).toBe('"25:00"');
    expect(describeValue(-2)).toBe('-2');
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(() => 1)).toBe('a function');
    expect(describeValue([])).toBe('an array');
    expect(describeValue({})).toBe('an object');
  });

  it('is a usage error with one line per problem', () => {
    const err = scenarioError('d11', [
      { path: ['span'], rule: 'must be a date' },
      { path: [], rule: 'has unknown key(s) "x"' },
    ]);
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('scenario "d11": span must be a date\nscenario "d11": has unknown key(s) "x"');
  });
});
