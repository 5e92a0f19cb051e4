import { describe, expect, it } from 'vitest';
import { resolveServerOptions, serverDefaults } from './options.ts';

describe('resolveServerOptions', () => {
  it('fills defaults and keeps given values', () => {
    const o = resolveServerOptions({ port: 9000, token: undefined });
    expect(o).toEqual({ ...serverDefaults, port: 9000 });
  });

  it('accepts the burst serve derives from the highest --rate-limit (2×)', () => {
    expect(
      resolveServerOptions({ rateLimitPerSec: 1_000_000, rateLimitBurst: 2_000_000 }).rateLimitBurst,
    ).toBe(2_000_000);
  });

  it.each([
    [{ port: 70000 }, '--port must be an integer from 0 to 65535, got 70000'],
    [{ threads: 0 }, '--threads must be an integer from 1 to 256, got 0'],
    [{ threads: 1.5 }, '--threads must be an integer from 1 to 256, got 1.5'],
    [{ token: 'short' }, '--token must be at least 8 characters, got 5'],
    [{ host: '' }, '--host must not be empty'],
  ])('rejects %o', (input, message) => {
    expect(() => resolveServerOptions(input)).toThrow(message);
    try {
      resolveServerOptions(input);
    } catch (err) {
      expect((err as { exitCode: number }).exitCode).toBe(2);
    }
  });
});
