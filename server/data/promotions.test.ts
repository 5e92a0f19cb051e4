import { describe, expect, it } from 'vitest';
import { bestQuote, couponShortfall, PROMOTIONS } from './promotions.ts';

describe('bestQuote', () => {
  it('applies 每满300减50 per full 300 of the subtotal', () => {
    const q = bestQuote([{ sku: 'A', unitPrice: 299, quantity: 1 }]);
    expect(q.steps[0]).toEqual({ kind: 'subtotal', amount: 299 });
    expect(q.steps.some((s) => s.kind === 'cross_store')).toBe(false);
    const two = bestQuote([{ sku: 'A', unitPrice: 320, quantity: 2 }]);
    expect(two.steps[1]).toEqual({ kind: 'cross_store', times: 2, every: 300, off: 100, amount: 540 });
  });

  it('stacks one shop and one platform coupon after 满减, thresholds on the amount so far', () => {
    // 640 → 满减 ×2 = 540 → SHOP-40 (≥299) = 500 → PLAT-30 (≥199) = 470; SHOP-100 needs 899, PLAT-80 needs 1000.
    const q = bestQuote([{ sku: 'A', unitPrice: 320, quantity: 2 }]);
    expect(q.steps.map((s) => s.amount)).toEqual([640, 540, 500, 470]);
    expect(q.total).toBe(470);
  });

  it('picks the larger coupons when the amount after 满减 reaches them', () => {
    // 1200 → -200 = 1000 → SHOP-100 = 900 → PLAT-80 needs 1000 (no) → PLAT-30 = 870
    // versus SHOP-40 = 960 → PLAT-30 = 930, or no shop coupon: PLAT-80 = 920 → best is 870.
    const q = bestQuote([{ sku: 'A', unitPrice: 600, quantity: 2 }]);
    expect(q.total).toBe(870);
    expect(
      q.steps.filter((s) => s.kind === 'coupon').map((s) => (s.kind === 'coupon' ? s.coupon.id : '')),
    ).toEqual(['SHOP-100', 'PLAT-30']);
  });

  it('counts a presale deposit at its inflated value and splits deposit from final payment', () => {
    // 999 → -150 = 849 → SHOP-40 = 809 → PLAT-30 = 779 → deposit 100 worth 150 → 729; pay 100 now, 629 later.
    const q = bestQuote([{ sku: 'E', unitPrice: 999, quantity: 1, deposit: { pay: 100, worth: 150 } }]);
    expect(q.steps.at(-1)).toEqual({ kind: 'deposit', units: 1, pay: 100, worth: 150, amount: 729 });
    expect(q).toMatchObject({ total: 729, depositPaid: 100, finalPayment: 629 });
  });

  it('charges nothing below zero', () => {
    const q = bestQuote([{ sku: 'X', unitPrice: 20, quantity: 1, deposit: { pay: 20, worth: 80 } }]);
    expect(q.total).toBe(0);
  });
});

describe('couponShortfall', () => {
  it('is what the amount after 满减 lacks for the threshold', () => {
    const shop100 = PROMOTIONS.coupons.find((c) => c.id === 'SHOP-100')!;
    expect(couponShortfall(shop100, 900)).toBe(149);
    expect(couponShortfall(shop100, 1100)).toBe(0);
  });
});
