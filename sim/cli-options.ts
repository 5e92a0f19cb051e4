// Parsers for commander options that turn bad values into usage errors naming the option.
import { usageError } from './errors.ts';

export function parseIntOption(name: string): (value: string) => number {
  return (value: string) => {
    if (!/^-?\d+$/.test(value.trim())) throw usageError(`${name} must be an integer, got "${value}"`);
    return Number(value);
  };
}

export function parseNumberOption(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n))
      throw usageError(`${name} must be a number, got "${value}"`);
    return n;
  };
}
