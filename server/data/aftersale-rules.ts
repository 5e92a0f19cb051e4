// Return and price-protection decisions computed from an order, the catalog and the promotion rules.
import { type Catalog, priceAt } from './catalog.ts';
import { DAY_MS } from './clock.ts';
import type { Order, OrderItem } from './orders.ts';
import type { Category } from './products.ts';
import { PROMOTIONS, type Promotions } from './promotions.ts';

export const NO_REASON_EXCLUDED: readonly Category[] = ['underwear', 'fresh', 'custom'];

export type ReturnVerdict =
  | { ok: true; until: number }
  | {
      ok: false;
      reason: 'unpaid' | 'cancelled' | 'not_delivered' | 'expired' | 'excluded';
      category?: Category;
      until?: number;
    };

/** 7-day no-reason return: counted from delivery, not for excluded categories. */
export function returnVerdict(
  order: Order,
  item: OrderItem,
  catalog: Catalog,
  now: number,
  rules: Promotions = PROMOTIONS,
): ReturnVerdict {
  if (order.paidAt === undefined) return { ok: false, reason: 'unpaid' };
  if (order.cancelledAt !== undefined) return { ok: false, reason: 'cancelled' };
  const category = catalog.get(item.sku)?.category;
  if (category !== undefined && NO_REASON_EXCLUDED.includes(category))
    return { ok: false, reason: 'excluded', category };
  const delivered = order.events.find((e) => e.kind === 'delivered' && e.at <= now);
  if (delivered === undefined) return { ok: false, reason: 'not_delivered' };
  const until = delivered.at + rules.returnDays * DAY_MS;
  return now <= until ? { ok: true, until } : { ok: false, reason: 'expired', until };
}

export type PriceProtectVerdict =
  | {
      ok: true;
      refund: number;
      lines: { sku: string; paid: number; now: number; quantity: number }[];
      until: number;
    }
  | { ok: false; reason: 'unpaid' | 'cancelled' | 'expired' | 'no_drop'; until?: number };

/** Refund of the difference when the price dropped within the protection window after payment. */
export function priceProtectVerdict(
  order: Order,
  catalog: Catalog,
  now: number,
  rules: Promotions = PROMOTIONS,
): PriceProtectVerdict {
  if (order.paidAt === undefined) return { ok: false, reason: 'unpaid' };
  if (order.cancelledAt !== undefined) return { ok: false, reason: 'cancelled' };
  const until = order.paidAt + rules.priceProtectDays * DAY_MS;
  if (now > until) return { ok: false, reason: 'expired', until };
  const lines = order.items
    .map((it) => {
      const product = catalog.get(it.sku);
      const current = product === undefined ? it.unitPrice : priceAt(product, now);
      return { sku: it.sku, paid: it.unitPrice, now: current, quantity: it.quantity };
    })
    .filter((l) => l.now < l.paid);
  if (lines.length === 0) return { ok: false, reason: 'no_drop', until };
  const refund = Math.round(lines.reduce((s, l) => s + (l.paid - l.now) * l.quantity, 0) * 100) / 100;
  return { ok: true, refund, lines, until };
}
