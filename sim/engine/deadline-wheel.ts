// Deadlines in time buckets, swept by one coarse timer: what a driver uses for every message's patience
// and reply timeout. A Node timer a message costs a Timeout object, a clearTimeout, and a timer list
// per distinct duration (patience left differs for every message); here add and cancel are O(1) and a
// cancelled deadline drops its item at once, so finished conversations are not kept alive until their
// deadline would have passed.

/** What an item carries to sit in the wheel (set by the wheel; start with `bucket: undefined`). */
export interface Deadline {
  dueAt: number;
  bucket: Bucket | undefined;
  slot: number;
}

export interface Bucket {
  key: number;
  items: (Deadline | undefined)[];
  live: number;
}

export class DeadlineWheel<T extends Deadline> {
  private readonly buckets = new Map<number, Bucket>();
  /** The first bucket not yet swept to its end (the sweep's current bucket). */
  private nextKey = Number.NEGATIVE_INFINITY;

  /** @param resolutionMs bucket width: how much later than its deadline an item may fire, on top of the sweep period */
  constructor(private readonly resolutionMs: number) {}

  /** Items waiting. */
  get size(): number {
    let n = 0;
    for (const b of this.buckets.values()) n += b.live;
    return n;
  }

  /** Sets (or moves) `item`'s deadline; one already past fires at the next sweep. */
  add(item: T, dueAt: number): void {
    this.cancel(item);
    const key = Math.max(this.nextKey, Math.floor(dueAt / this.resolutionMs));
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      bucket = { key, items: [], live: 0 };
      this.buckets.set(key, bucket);
    }
    item.dueAt = dueAt;
    item.bucket = bucket;
    item.slot = bucket.items.length;
    bucket.items.push(item);
    bucket.live++;
  }

  cancel(item: T): void {
    const bucket = item.bucket;
    if (bucket === undefined) return;
    bucket.items[item.slot] = undefined;
    item.bucket = undefined;
    if (--bucket.live === 0) this.buckets.delete(bucket.key);
  }

  /** Fires (and removes) every item due at `nowMs`, earlier buckets first; `fire` may add deadlines. */
  expire(nowMs: number, fire: (item: T) => void): void {
    const last = Math.floor(nowMs / this.resolutionMs);
    if (this.buckets.size === 0) {
      this.nextKey = last;
      return;
    }
    let key = this.nextKey;
    if (!Number.isFinite(key)) {
      key = last;
      for (const k of this.buckets.keys()) key = Math.min(key, k);
    }
    for (; key <= last; key++) {
      this.nextKey = key;
      const bucket = this.buckets.get(key);
      if (bucket === undefined) continue;
      const items = bucket.items;
      for (let i = 0; i < items.length; i++) {
        const item = items[i] as T | undefined;
        if (item === undefined || item.dueAt > nowMs) continue;
        this.cancel(item);
        fire(item);
      }
    }
    this.nextKey = last;
  }
}
