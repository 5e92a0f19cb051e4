import { describe, expect, it } from 'vitest';
import { createRng } from '../util/rng.ts';
import { DEFAULT_SLOT_POOLS, drawSlots } from './draw-slots.ts';
import type { CustomerFacts } from './types.ts';

const facts: CustomerFacts = {
  orderIds: ['E2026111100000001', 'E2026111100000002'],
  products: [
    { zh: '羽绒服', en: 'down jacket' },
    { zh: '洗面奶', en: 'face wash' },
  ],
};

describe('drawSlots', () => {
  it('takes orders and products from the facts, in the customer language', () => {
    for (let seed = 0; seed < 50; seed++) {
      const zh = drawSlots(createRng(seed), facts, 'zh-CN');
      const en = drawSlots(createRng(seed), facts, 'en-US');
      expect(facts.orderIds).toContain(zh.order);
      expect(['羽绒服', '洗面奶']).toContain(zh.product);
      expect(['down jacket', 'face wash']).toContain(en.product);
      expect(en.order).toBe(zh.order);
      expect(DEFAULT_SLOT_POOLS.sizes['zh-CN']).toContain(zh.size);
      expect(DEFAULT_SLOT_POOLS.sizes['en-US']).toContain(en.size);
      expect(DEFAULT_SLOT_POOLS.amounts['zh-CN']).toContain(zh.amount);
      expect(DEFAULT_SLOT_POOLS.colours['en-US']).toContain(en.colour);
    }
  });

  it('uses every fact over many customers', () => {
    const orders = new Set<string>();
    const products = new Set<string>();
    const rng = createRng(3);
    for (let i = 0; i < 200; i++) {
      const slots = drawSlots(rng, facts, 'zh-CN');
      orders.add(slots.order);
      products.add(slots.product);
    }
    expect([...orders].sort()).toEqual([...facts.orderIds]);
    expect([...products].sort()).toEqual(['洗面奶', '羽绒服']);
  });

  it('makes up E + 16 digit order ids on promotion dates and uses stock products without facts', () => {
    const rng = createRng(11);
    for (let i = 0; i < 100; i++) {
      const slots = drawSlots(rng, { orderIds: [], products: [] }, 'en-US');
      expect(slots.order).toMatch(/^E(20261111|20261110|20261112|20260618|20260617)\d{8}$/);
      expect(DEFAULT_SLOT_POOLS.products.map((p) => p.en)).toContain(slots.product);
    }
  });

  it('is reproducible from the seed', () => {
    expect(drawSlots(createRng(5), facts, 'zh-CN')).toEqual(drawSlots(createRng(5), facts, 'zh-CN'));
    const empty = { orderIds: [], products: [] };
    expect(drawSlots(createRng(5), empty, 'zh-CN').order).toBe(drawSlots(createRng(5), empty, 'zh-CN').order);
    expect(drawSlots(createRng(5), empty, 'zh-CN').order).not.toBe(
      drawSlots(createRng(6), empty, 'zh-CN').order,
    );
  });
});
