import { describe, expect, it } from 'vitest';
import { ORDER_ID_PATTERN } from './order-id.ts';
import { createStore } from './store.ts';
import { storeFacts } from './store-facts.ts';

describe('createStore', () => {
  const a = createStore(42, { orderCount: 500 });

  it('gives the same catalog and orders for the same seed', () => {
    const b = createStore(42, { orderCount: 500 });
    expect(JSON.stringify([...b.orders.values()])).toBe(JSON.stringify([...a.orders.values()]));
    expect(JSON.stringify([...b.catalog.values()])).toBe(JSON.stringify([...a.catalog.values()]));
  });

  it('gives different data for another seed', () => {
    const c = createStore(43, { orderCount: 500 });
    expect([...c.orders.keys()]).not.toEqual([...a.orders.keys()]);
  });

  it('has unique well-formed order ids and 50+ bilingual products with stock for every size and colour', () => {
    expect(a.orders.size).toBe(500);
    for (const id of a.orders.keys()) expect(ORDER_ID_PATTERN.test(id)).toBe(true);
    expect(a.catalog.size).toBeGreaterThanOrEqual(50);
    for (const p of a.catalog.values()) {
      const colours = p.colours.length > 0 ? p.colours.length : 1;
      expect(Object.keys(p.stock)).toHaveLength(p.sizes.length * colours);
      expect(p.zh).not.toBe(p.en);
    }
  });

  it('keeps paid totals equal to the sum of the items', () => {
    for (const o of a.orders.values()) {
      expect(o.total).toBe(o.items.reduce((s, it) => s + it.unitPrice * it.quantity, 0));
    }
  });
});

describe('storeFacts', () => {
  it('lists the real order ids and product names of the seeded store', () => {
    const facts = storeFacts(7);
    const store = createStore(7);
    expect(facts.orderIds).toEqual([...store.orders.keys()]);
    expect(facts.products[0]).toEqual({ zh: '羽绒服', en: 'down jacket' });
  });
});
