// The seeded store the bot answers from: catalog, orders by id, promotion rules.
import { type Catalog, createCatalog } from './catalog.ts';
import { createOrders, type Order } from './orders.ts';
import { PROMOTIONS, type Promotions } from './promotions.ts';

export interface Store {
  seed: number;
  catalog: Catalog;
  orders: ReadonlyMap<string, Order>;
  promotions: Promotions;
}

export interface StoreOptions {
  /** @default 3000 */
  orderCount?: number;
}

/** The same seed gives the same store. */
export function createStore(seed: number, options: StoreOptions = {}): Store {
  const catalog = createCatalog(seed);
  const orders = createOrders(seed, catalog, options.orderCount ?? 3000);
  return { seed, catalog, orders: new Map(orders.map((o) => [o.id, o])), promotions: PROMOTIONS };
}
