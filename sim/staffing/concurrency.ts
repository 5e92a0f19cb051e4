// Chat concurrency as extra servers: an agent working K chats at once is K "slots", each
// serving one chat with the handle time measured at concurrency K.
//
// Rationale: Luo & Zhang, "Staffing and Control of Instant Messaging Contact Centers",
// Operations Research 61(2), 2013, and Tezcan & Zhang, "Routing and Staffing in Customer
// Service Chat Systems with Impatient Customers", Operations Research 62(4), 2014, model an
// agent's per-chat service rate as a function of how many chats it holds. Under peak load
// nearly every agent holds K chats, so the state-dependent system behaves like N·K servers
// with the rate at K; at lighter load agents hold fewer chats and are faster, so the slot
// model over-states the wait: it is the conservative end. The DES (agent-pool-sim.ts) routes
// to the least-busy agent with the rate at the real concurrency and checks this bound.

/** How long one chat takes: a single AHT, or one per concurrency level 1..K. */
export interface HandleTime {
  /** Mean handle time of one contact, seconds (used when `ahtByConcurrency` is absent). */
  ahtSec?: number;
  /** Mean handle time of one chat when the agent holds k chats, index k−1, seconds. */
  ahtByConcurrency?: readonly number[];
  /**
   * Chats an agent holds at once.
   * @default 1, or the length of `ahtByConcurrency` when that is given
   */
  concurrency?: number;
}

export interface SlotModel {
  concurrency: number;
  /** Handle time of one chat at full concurrency, seconds. */
  ahtSec: number;
}

/** The concurrency and per-slot AHT the Erlang models use for a queue. */
export function slotModel(handle: HandleTime): SlotModel {
  const byK = handle.ahtByConcurrency;
  const concurrency = handle.concurrency ?? byK?.length ?? 1;
  if (!(Number.isInteger(concurrency) && concurrency >= 1))
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  if (byK !== undefined) {
    if (byK.length < concurrency)
      throw new RangeError(
        `ahtByConcurrency has ${byK.length} values but concurrency is ${concurrency}: give one AHT per level 1..${concurrency}`,
      );
    for (const [i, v] of byK.entries())
      if (!(v > 0 && Number.isFinite(v)))
        throw new RangeError(`ahtByConcurrency[${i}] must be a finite number > 0, got ${v}`);
    return { concurrency, ahtSec: byK[concurrency - 1] as number };
  }
  const aht = handle.ahtSec;
  if (aht === undefined) throw new RangeError('give ahtSec or ahtByConcurrency');
  if (!(aht > 0 && Number.isFinite(aht)))
    throw new RangeError(`ahtSec must be a finite number > 0, got ${aht}`);
  return { concurrency, ahtSec: aht };
}

/** Mean handle time of one chat when the agent holds k chats (k in 1..K). */
export function ahtAtConcurrency(handle: HandleTime, k: number): number {
  const byK = handle.ahtByConcurrency;
  if (byK !== undefined) return byK[Math.min(k, byK.length) - 1] as number;
  return slotModel(handle).ahtSec;
}
