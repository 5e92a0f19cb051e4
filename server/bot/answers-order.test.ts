import { describe, expect, it } from 'vitest';
import { cst, DAY_MS } from '../data/clock.ts';
import type { Order } from '../data/orders.ts';
import { createStore } from '../data/store.ts';
import type { AnswerContext } from './answer-context.ts';
import { logisticsException, logisticsTrack, orderCancel, orderPhase } from './answers-order.ts';

const paidAt = cst(2026, 11, 10, 9);
const HOUR = 3600_000;
const order: Order = {
  id: 'E2026111000000007',
  createdAt: paidAt - 60_000,
  paidAt,
  items: [{ sku: 'A03', size: 'M', colour: 'grey', quantity: 1, unitPrice: 169 }],
  total: 169,
  carrier: 'sf',
  trackingNo: 'SF100000000001',
  events: [
    { at: paidAt + 5 * HOUR, kind: 'shipped', city: { zh: '杭州', en: 'Hangzhou' } },
    { at: paidAt + 20 * HOUR, kind: 'arrived_hub', city: { zh: '上海', en: 'Shanghai' } },
  ],
  stalled: true,
  expectedDelivery: paidAt + 40 * HOUR,
  refund: { state: 'none', amount: 0 },
};
const store = createStore(1, { orderCount: 1 });
const withOrder = { ...store, orders: new Map([[order.id, order]]) };
const ctx = (now: number, text = ''): AnswerContext => ({
  store: withOrder,
  memory: { skus: [], orderId: order.id },
  text,
  now,
  lang: 'zh',
  asked: [],
});

describe('orderPhase', () => {
  it('follows the events up to now and calls 48 hours without one a stall', () => {
    expect(orderPhase(order, paidAt + HOUR)).toBe('awaiting_shipment');
    expect(orderPhase(order, paidAt + 6 * HOUR)).toBe('in_transit');
    expect(orderPhase(order, paidAt + 20 * HOUR + 2 * DAY_MS)).toBe('in_transit');
    expect(orderPhase(order, paidAt + 20 * HOUR + 2 * DAY_MS + 1)).toBe('stalled');
    expect(orderPhase({ ...order, paidAt: undefined }, paidAt)).toBe('unpaid');
  });
});

describe('order and parcel answers', () => {
  it('gives the latest event and the expected arrival', () => {
    expect(logisticsTrack(ctx(paidAt + 21 * HOUR))).toEqual({
      kind: 'answer',
      resolved: true,
      text: '顺丰速运运单SF100000000001：11月11日 05:00 上海已到达转运中心，预计11月12日 01:00前送达。',
    });
  });

  it('opens a trace for a stalled parcel, with the hours since the last event', () => {
    const out = logisticsException(ctx(paidAt + 20 * HOUR + 50 * HOUR));
    expect(
      out.kind === 'answer' &&
        out.text.startsWith('运单SF100000000001自11月11日 05:00 上海已到达转运中心后已50小时没有更新'),
    ).toBe(true);
  });

  it('cancels before shipping and refuses after', () => {
    expect(orderCancel(ctx(paidAt + HOUR))).toMatchObject({
      text: '订单E2026111000000007还没发货，已为您提交取消，¥169将在1-3个工作日原路退回。',
    });
    expect(orderCancel(ctx(paidAt + 6 * HOUR))).toMatchObject({
      text: '订单E2026111000000007已发货，无法直接取消。可以拒收，或签收后申请七天无理由退货。',
    });
  });
});
