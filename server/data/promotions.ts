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

/** The amount after a coupon (none: unchanged), NaN when the amount (or NaN) is under its threshold. */
function withCoupon(running: number, coupon: Coupon | null, steps: PriceStep[] | undefined): number {
  if (coupon === null) return running;
  if (!(running >= coupon.threshold)) return Number.NaN;
  const amount = cents(running - coupon.off);
  steps?.push({ kind: 'coupon', coupon, amount });
  return amount;
}

/** What a cart's price owes to its lines and to 跨店满减, before any coupon: worked out once per cart. */
interface CartSums {
  subtotal: number;
  /** Times the 跨店满减 step applies, what it takes off, and the amount after it. */
  crossTimes: number;
  crossOff: number;
  afterCross: number;
  /** Presale units, and what their deposits pay and are worth more than they pay (膨胀), in all. */
  depositUnits: number;
  depositPaid: number;
  inflation: number;
  /** The per-unit deposit of the first presale line (shown in the step). */
  deposit: { pay: number; worth: number } | undefined;
}

function cartSums(lines: readonly CartLine[], rules: Promotions): CartSums {
  let subtotal = 0;
  let depositUnits = 0;
  let depositPaid = 0;
  let inflation = 0;
  let deposit: { pay: number; worth: number } | undefined;
  for (const l of lines) {
    subtotal += l.unitPrice * l.quantity;
    if (l.deposit === undefined) continue;
    deposit ??= l.deposit;
    depositUnits += l.quantity;
    depositPaid += l.deposit.pay * l.quantity;
    inflation += (l.deposit.worth - l.deposit.pay) * l.quantity;
  }
  subtotal = cents(subtotal);
  const crossTimes = Math.floor(subtotal / rules.crossStore.every);
  const crossOff = crossTimes * rules.crossStore.off;
  const afterCross = crossTimes > 0 ? cents(subtotal - crossOff) : subtotal;
  return { subtotal, crossTimes, crossOff, afterCross, depositUnits, depositPaid, inflation, deposit };
}

/**
 * The payable total after 跨店满减 with at most one shop and one platform coupon, or NaN when a coupon's threshold is
 * not met on the amount after the steps before it. With `steps`, the coupon and deposit steps are pushed onto it;
 * without, nothing is allocated (bestQuote tries every pair, and builds the steps of the best one only).
 */
function totalWith(
  cart: CartSums,
  shop: Coupon | null,
  platform: Coupon | null,
  steps?: PriceStep[],
): number {
  let running = withCoupon(cart.afterCross, shop, steps);
  running = withCoupon(running, platform, steps);
  if (cart.deposit === undefined) return running;
  running = cents(Math.max(0, running - cart.inflation));
  const { pay, worth } = cart.deposit;
  steps?.push({ kind: 'deposit', units: cart.depositUnits, pay, worth, amount: running });
  return running;
}

/**
 * The lowest payable total for a cart: 跨店满减 on the subtotal first, then at most one shop coupon, then at most
 * one platform coupon, each threshold checked on the amount after the steps before it; presale deposits then
 * count at their inflated value (膨胀). Of equal totals, the pair with fewer or earlier coupons wins.
 */
export function bestQuote(lines: readonly CartLine[], rules: Promotions = PROMOTIONS): Quote {
  const cart = cartSums(lines, rules);
  let bestShop: Coupon | null = null;
  let bestPlatform: Coupon | null = null;
  let bestTotal = Number.POSITIVE_INFINITY;
  const coupons = rules.coupons;
  for (let i = -1; i < coupons.length; i++) {
    const shop = i < 0 ? null : (coupons[i] as Coupon);
    if (shop !== null && shop.kind !== 'shop') continue;
    for (let j = -1; j < coupons.length; j++) {
      const platform = j < 0 ? null : (coupons[j] as Coupon);
      if (platform !== null && platform.kind !== 'platform') continue;
      const total = totalWith(cart, shop, platform);
      if (total < bestTotal) {
        bestTotal = total;
        bestShop = shop;
        bestPlatform = platform;
      }
    }
  }
  const steps: PriceStep[] = [{ kind: 'subtotal', amount: cart.subtotal }];
  if (cart.crossTimes > 0) {
    const { every } = rules.crossStore;
    steps.push({
      kind: 'cross_store',
      times: cart.crossTimes,
      every,
      off: cart.crossOff,
      amount: cart.afterCross,
    });
  }
  const total = totalWith(cart, bestShop, bestPlatform, steps);
  return { steps, total, depositPaid: cart.depositPaid, finalPayment: cents(total - cart.depositPaid) };
}

/** Whether a coupon can apply to an amount after 跨店满减, and what is missing if not. */
export function couponShortfall(coupon: Coupon, subtotal: number, rules: Promotions = PROMOTIONS): number {
  const afterCross = subtotal - Math.floor(subtotal / rules.crossStore.every) * rules.crossStore.off;
  return Math.max(0, cents(coupon.threshold - afterCross));
}
