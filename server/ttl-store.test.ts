import { describe, expect, it } from 'vitest';
import { TtlStore } from './ttl-store.ts';

describe('TtlStore', () => {
  it('expires entries ttl after their last use', () => {
    const store = new TtlStore<string>(1000, 10);
    store.set('a', 'A', 0);
    expect(store.get('a', 999)).toBe('A'); // refreshed: now expires at 1999
    expect(store.get('a', 1998)).toBe('A');
    expect(store.get('a', 2997)).toBe('A'); // one tick before expiry; now expires at 3997
    expect(store.get('a', 3997)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('evicts the least recently used entry when full', () => {
    const store = new TtlStore<number>(10_000, 2);
    store.set('a', 1, 0);
    store.set('b', 2, 1);
    store.get('a', 2);
    store.set('c', 3, 3);
    expect(store.get('b', 4)).toBeUndefined();
    expect(store.get('a', 4)).toBe(1);
    expect(store.get('c', 4)).toBe(3);
  });

  it('sweeps only expired entries', () => {
    const store = new TtlStore<number>(100, 10);
    store.set('a', 1, 0);
    store.set('b', 2, 50);
    expect(store.sweep(100)).toBe(1);
    expect(store.size).toBe(1);
    expect(store.sweep(149)).toBe(0);
    expect(store.sweep(150)).toBe(1);
  });
});
