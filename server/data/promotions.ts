// Promotion rules of the event and the best payable price of a cart under them, with the steps shown.
import { cst, DAY_MS } from './clock.ts';

export interface CrossStoreRule {
  /** 每满 `every` 减 `off`, uncapped. */
  every: number;
  off: number;
}

export interface Coupon {
  id: string;
  kind: 'shop' | 'platform';
  threshold: number;
  off: number;
}

export interface Promotions {
  crossStore: CrossStoreRule;
  coupons: readonly Coupon[];
  /** Presale final payment window (尾款). */
  finalPaymentFrom: number;
  finalPaymentUntil: number;
  priceProtectDays: number;
  returnDays: number;
  /** Refunds above this go to a person. */
  refundAutoLimit: number;
}

export const PROMOTIONS: Promotions = {
  crossStore: { every: 300, off: 50 },
  coupons: [
    { id: 'SHOP-40', kind: 'shop', threshold: 299, off: 40 },
    { id: 'SHOP-100', kind: 'shop', threshold: 899, off: 100 },
    { id: 'PLAT-30', kind: 'platform', threshold: 199, off: 30 },
    { id: 'PLAT-80', kind: 'platform', threshold: 1000, off: 80 },
  ],
  finalPaymentFrom: cst(2026, 11, 11, 20),
  finalPaymentUntil: cst(2026, 11, 11, 20) + DAY_MS,
  priceProtectDays: 15,
  returnDays: 7,
  refundAutoLimit: 2000,
};

export interface CartLine {
  sku: string;
  unitPrice: number;
  quantity: number;
  /** Presale deposit and its inflated value, per unit. */
  deposit?: { pay: number; worth: number };
}

export type PriceStep =
  | { kind: 'subtotal'; amount: number }
  | { kind: 'cross_store'; times: number; every: number; off: number; amount: number }
  | { kind: 'coupon'; coupon: Coupon; amount: number }
  | { kind: 'deposit'; units: number; pay: number; worth: number; amount: number };

export interface Quote {
  steps: PriceStep[];
  /** What the customer pays in all (deposit included). */
  total: number;
  /** Paid now as deposit (presale) — part of `total`. */
  depositPaid: number;
  /** Paid in the final-payment window (presale). */
  finalPayment: number;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

function quoteWith(lines: readonly CartLine[], rules: Promotions, chosen: readonly Coupon[]): Quote | null {
  const subtotal = cents(lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0));
  const steps: PriceStep[] = [{ kind: 'subtotal', amount: subtotal }];
  let running = subtotal;
  const times = Math.floor(subtotal / rules.crossStore.every);
  if (times > 0) {
    const off = times * rules.crossStore.off;
    running = cents(running - off);
    steps.push({ kind: 'cross_store', times, every: rules.crossStore.every, off, amount: running });
  }
  for (const coupon of chosen) {
    if (running < coupon.threshold) return null;
    running = cents(running - coupon.off);
    steps.push({ kind: 'coupon', coupon, amount: running });
  }
  let depositPaid = 0;
  let inflation = 0;
  let units = 0;
  for (const l of lines) {
    if (l.deposit === undefined) continue;
    units += l.quantity;
    depositPaid += l.deposit.pay * l.quantity;
    inflation += (l.deposit.worth - l.deposit.pay) * l.quantity;
  }
  if (units > 0) {
    const first = lines.find((l) => l.deposit !== undefined)?.deposit as { pay: number; worth: number };
    running = cents(Math.max(0, running - inflation));
    steps.push({ kind: 'deposit', units, pay: first.pay, worth: first.worth, amount: running });
  }
  return { steps, total: running, depositPaid, finalPayment: cents(running - depositPaid) };
}

/**
 * The lowest payable total for a cart: 跨店满减 on the subtotal first, then at most one shop coupon, then at most
 * one platform coupon, each threshold checked on the amount after the steps before it; presale deposits then
 * count at their inflated value (膨胀).
 */
export function bestQuote(lines: readonly CartLine[], rules: Promotions = PROMOTIONS): Quote {
  const shops: (Coupon | null)[] = [null, ...rules.coupons.filter((c) => c.kind === 'shop')];
  const platforms: (Coupon | null)[] = [null, ...rules.coupons.filter((c) => c.kind === 'platform')];
  let best: Quote | null = null;
  for (const shop of shops) {
    for (const platform of platforms) {
      const chosen = [shop, platform].filter((c): c is Coupon => c !== null);
      const q = quoteWith(lines, rules, chosen);
      if (q !== null && (best === null || q.total < best.total)) best = q;
    }
  }
  return best as Quote;
}

/** Whether a coupon can apply to an amount after 跨店满减, and what is missing if not. */
export function couponShortfall(coupon: Coupon, subtotal: number, rules: Promotions = PROMOTIONS): number {
  const afterCross = subtotal - Math.floor(subtotal / rules.crossStore.every) * rules.crossStore.off;
  return Math.max(0, cents(coupon.threshold - afterCross));
}
