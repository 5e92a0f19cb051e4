import { describe, expect, it } from 'vitest';
import { priceProtectVerdict, returnVerdict } from './aftersale-rules.ts';
import { type Catalog, createCatalog, priceAt } from './catalog.ts';
import { cst, DAY_MS } from './clock.ts';
import type { Order } from './orders.ts';

const catalog: Catalog = createCatalog(1);
const paidAt = cst(2026, 11, 5, 10);
const deliveredAt = cst(2026, 11, 7, 15);

function order(sku: string, unitPrice: number): Order {
  return {
    id: 'E2026110500000001',
    createdAt: paidAt - 60_000,
    paidAt,
    items: [{ sku, size: 'M', colour: 'black', quantity: 2, unitPrice }],
    total: unitPrice * 2,
    carrier: 'sf',
    trackingNo: 'SF1',
    events: [
      { at: paidAt + DAY_MS, kind: 'shipped', city: { zh: '杭州', en: 'Hangzhou' } },
      { at: deliveredAt, kind: 'delivered', city: { zh: '上海', en: 'Shanghai' } },
    ],
    stalled: false,
    expectedDelivery: deliveredAt,
    refund: { state: 'none', amount: 0 },
  };
}

describe('returnVerdict', () => {
  const o = order('A03', 199);
  const item = o.items[0]!;

  it('allows a no-reason return up to 7 days after delivery, to the millisecond', () => {
    expect(returnVerdict(o, item, catalog, deliveredAt + 7 * DAY_MS)).toEqual({
      ok: true,
      until: deliveredAt + 7 * DAY_MS,
    });
    expect(returnVerdict(o, item, catalog, deliveredAt + 7 * DAY_MS + 1)).toEqual({
      ok: false,
      reason: 'expired',
      until: deliveredAt + 7 * DAY_MS,
    });
  });

  it('refuses before delivery and for excluded categories', () => {
    expect(returnVerdict(o, item, catalog, deliveredAt - 1)).toEqual({ ok: false, reason: 'not_delivered' });
    const briefs = order('U02', 99);
    expect(returnVerdict(briefs, briefs.items[0]!, catalog, deliveredAt + DAY_MS)).toEqual({
      ok: false,
      reason: 'excluded',
      category: 'underwear',
    });
    const crabs = order('F04', 399);
    expect(returnVerdict(crabs, crabs.items[0]!, catalog, deliveredAt + DAY_MS)).toMatchObject({
      reason: 'excluded',
    });
  });
});

describe('priceProtectVerdict', () => {
  const hoodie = catalog.get('A03')!;
  const paid = priceAt(hoodie, paidAt);
  const onTheDay = priceAt(hoodie, cst(2026, 11, 11, 12));

  it('refunds the per-unit drop times quantity within 15 days of payment', () => {
    const v = priceProtectVerdict(order('A03', paid), catalog, cst(2026, 11, 11, 12));
    expect(onTheDay).toBeLessThan(paid);
    expect(v).toEqual({
      ok: true,
      refund: (paid - onTheDay) * 2,
      lines: [{ sku: 'A03', paid, now: onTheDay, quantity: 2 }],
      until: paidAt + 15 * DAY_MS,
    });
  });

  it('says expired one millisecond after the window and no_drop when the price did not fall', () => {
    expect(priceProtectVerdict(order('A03', paid), catalog, paidAt + 15 * DAY_MS + 1)).toEqual({
      ok: false,
      reason: 'expired',
      until: paidAt + 15 * DAY_MS,
    });
    expect(priceProtectVerdict(order('A03', onTheDay - 1), catalog, cst(2026, 11, 11, 12))).toMatchObject({
      ok: false,
      reason: 'no_drop',
    });
  });
});
