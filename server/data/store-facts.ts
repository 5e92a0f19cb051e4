// Plain facts of the seeded store for simulated customers (sim/customers CustomerFacts).
import { createStore } from './store.ts';

export interface StoreFacts {
  orderIds: string[];
  products: { zh: string; en: string }[];
}

/** Real order ids and product names of the store built from `seed`, so customers can mention them. */
export function storeFacts(seed: number): StoreFacts {
  const store = createStore(seed);
  return {
    orderIds: [...store.orders.keys()],
    products: [...store.catalog.values()].map((p) => ({ zh: p.zh, en: p.en })),
  };
}
