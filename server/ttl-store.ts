/**
 * A bounded map whose entries expire `ttlMs` after their last use; when full, the least recently
 * used entry goes. Time comes in as an argument. Holds HTTP chat sessions between requests.
 */
export class TtlStore<V> {
  private readonly entries = new Map<string, { value: V; expiresMs: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The live value for `key` (and its TTL refreshed), or undefined if absent or expired. */
  get(key: string, nowMs: number): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    this.entries.delete(key);
    if (entry.expiresMs <= nowMs) return undefined;
    entry.expiresMs = nowMs + this.ttlMs;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, nowMs: number): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, expiresMs: nowMs + this.ttlMs });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops expired entries; returns how many went. Entries are in last-use order, so it stops early. */
  sweep(nowMs: number): number {
    let dropped = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresMs > nowMs) break;
      this.entries.delete(key);
      dropped++;
    }
    return dropped;
  }
}
