import { describe, expect, it } from 'vitest';
import { createIpSlots, openFrom, release, tryAcquire } from './ip-slots.ts';

describe('per-address connection slots', () => {
  it('admits up to the cap, then refuses until one closes', () => {
    const slots = createIpSlots(64);
    expect([1, 2, 3].map(() => tryAcquire(slots, '10.0.0.7', 2))).toEqual([true, true, false]);
    expect(openFrom(slots, '10.0.0.7')).toBe(2);
    release(slots, '10.0.0.7', 2);
    expect(tryAcquire(slots, '10.0.0.7', 2)).toBe(true);
  });

  it('has no cap at 0', () => {
    const slots = createIpSlots(64);
    for (let i = 0; i < 100; i++) expect(tryAcquire(slots, '::1', 0)).toBe(true);
    expect(openFrom(slots, '::1')).toBe(0);
  });

  it('is shared memory, so every thread sees the same counts', () => {
    const slots = createIpSlots(64);
    expect(slots.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});
