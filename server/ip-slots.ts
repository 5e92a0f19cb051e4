/**
 * Open connections per client address, shared by all server threads (SO_REUSEPORT spreads one
 * client's connections over them): a SharedArrayBuffer of counters indexed by a hash of the
 * address, updated with Atomics. Two addresses that share a slot share a cap: conservative, never lax.
 */
export type IpSlots = Int32Array;

export const IP_SLOT_COUNT = 8192;

export function createIpSlots(count = IP_SLOT_COUNT): IpSlots {
  return new Int32Array(new SharedArrayBuffer(count * Int32Array.BYTES_PER_ELEMENT));
}

function slotOf(slots: IpSlots, address: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) h = Math.imul(h ^ address.charCodeAt(i), 0x01000193) >>> 0;
  return h % slots.length;
}

/** Counts one more connection from `address` unless it already has `cap` (0: no cap). */
export function tryAcquire(slots: IpSlots, address: string, cap: number): boolean {
  if (cap <= 0) return true;
  const i = slotOf(slots, address);
  if (Atomics.add(slots, i, 1) >= cap) {
    Atomics.sub(slots, i, 1);
    return false;
  }
  return true;
}

export function release(slots: IpSlots, address: string, cap: number): void {
  if (cap <= 0) return;
  Atomics.sub(slots, slotOf(slots, address), 1);
}

export function openFrom(slots: IpSlots, address: string): number {
  return Atomics.load(slots, slotOf(slots, address));
}
