// Seeded orders with deterministic ids, items, payment, carrier and a planned logistics timeline.
import { createRng, type Rng } from '../../sim/util/rng.ts';
import { type Catalog, type Product, priceAt } from './catalog.ts';
import { cst, DAY_MS } from './clock.ts';
import { formatOrderId } from './order-id.ts';

export type Carrier = 'sf' | 'zto' | 'jd' | 'yto' | 'ems';
export const CARRIER_NAMES: Record<Carrier, { zh: string; en: string }> = {
  sf: { zh: '顺丰速运', en: 'SF Express' },
  zto: { zh: '中通快递', en: 'ZTO Express' },
  jd: { zh: '京东物流', en: 'JD Logistics' },
  yto: { zh: '圆通速递', en: 'YTO Express' },
  ems: { zh: 'EMS', en: 'EMS' },
};

export type EventKind = 'shipped' | 'arrived_hub' | 'departed_hub' | 'out_for_delivery' | 'delivered';

export interface LogisticsEvent {
  at: number;
  kind: EventKind;
  city: { zh: string; en: string };
}

export interface OrderItem {
  sku: string;
  size: string;
  colour: string;
  quantity: number;
  /** Paid per unit, yuan. */
  unitPrice: number;
}

export type RefundState = 'none' | 'requested' | 'approved' | 'refunded' | 'rejected';

export interface Order {
  id: string;
  createdAt: number;
  /** Undefined when never paid. */
  paidAt?: number;
  cancelledAt?: number;
  items: OrderItem[];
  total: number;
  carrier: Carrier;
  trackingNo: string;
  /** Planned events; only those at or before `now` have happened. */
  events: LogisticsEvent[];
  /** The parcel stops moving after the last event (an exception case). */
  stalled: boolean;
  expectedDelivery: number;
  refund: { state: RefundState; amount: number; requestedAt?: number; doneAt?: number };
}

const CITIES: { zh: string; en: string }[] = [
  { zh: '杭州', en: 'Hangzhou' },
  { zh: '上海', en: 'Shanghai' },
  { zh: '广州', en: 'Guangzhou' },
  { zh: '武汉', en: 'Wuhan' },
  { zh: '北京', en: 'Beijing' },
  { zh: '成都', en: 'Chengdu' },
  { zh: '西安', en: 'Xi’an' },
  { zh: '南京', en: 'Nanjing' },
  { zh: '深圳', en: 'Shenzhen' },
  { zh: '郑州', en: 'Zhengzhou' },
];
const CARRIERS: Carrier[] = ['sf', 'zto', 'jd', 'yto', 'ems', 'zto', 'sf'];
const HOUR = 3600_000;

function pickItems(rng: Rng, products: readonly Product[], at: number): OrderItem[] {
  const n = rng.next() < 0.7 ? 1 : 2 + rng.int(2);
  const items: OrderItem[] = [];
  for (let i = 0; i < n; i++) {
    const p = rng.pick(products);
    if (items.some((it) => it.sku === p.sku)) continue;
    items.push({
      sku: p.sku,
      size: rng.pick(p.sizes),
      colour: p.colours.length > 0 ? rng.pick(p.colours) : '',
      quantity: rng.next() < 0.85 ? 1 : 2,
      unitPrice: priceAt(p, at),
    });
  }
  return items;
}

function timeline(
  rng: Rng,
  paidAt: number,
): { events: LogisticsEvent[]; stalled: boolean; expected: number } {
  const origin = rng.pick(CITIES);
  let dest = rng.pick(CITIES);
  if (dest === origin)
    dest = CITIES[(CITIES.indexOf(origin) + 3) % CITIES.length] as { zh: string; en: string };
  let t = paidAt + (4 + rng.int(60)) * HOUR;
  const events: LogisticsEvent[] = [{ at: t, kind: 'shipped', city: origin }];
  const hubs = 1 + rng.int(2);
  let city = origin;
  for (let h = 0; h < hubs; h++) {
    t += (3 + rng.int(8)) * HOUR;
    events.push({ at: t, kind: 'departed_hub', city });
    city = h === hubs - 1 ? dest : rng.pick(CITIES);
    t += (8 + rng.int(20)) * HOUR;
    events.push({ at: t, kind: 'arrived_hub', city });
  }
  const expected = t + 20 * HOUR;
  const stalled = rng.next() < 0.06;
  if (!stalled) {
    t += (6 + rng.int(12)) * HOUR;
    events.push({ at: t, kind: 'out_for_delivery', city: dest });
    t += (2 + rng.int(6)) * HOUR;
    events.push({ at: t, kind: 'delivered', city: dest });
  }
  return { events, stalled, expected };
}

/** `count` orders placed 1–20 Nov 2026 (China time); the same seed and catalog give the same orders. */
export function createOrders(seed: number, catalog: Catalog, count = 3000): Order[] {
  const rng = createRng(seed).fork('orders');
  const products = [...catalog.values()];
  const start = cst(2026, 11, 1);
  const perDay = new Map<number, number>();
  const orders: Order[] = [];
  for (let i = 0; i < count; i++) {
    const dayIndex = Math.min(19, Math.floor(rng.next() ** 0.8 * 20));
    const day = start + dayIndex * DAY_MS;
    const createdAt = day + rng.int(DAY_MS);
    const seq = (perDay.get(dayIndex) ?? 0) + 1 + rng.int(40);
    perDay.set(dayIndex, seq);
    const items = pickItems(rng, products, createdAt);
    const total = items.reduce((s, it) => s + it.unitPrice * it.quantity, 0);
    const fate = rng.next();
    const carrier = rng.pick(CARRIERS);
    const order: Order = {
      id: formatOrderId(day + 8 * HOUR, seq),
      createdAt,
      items,
      total,
      carrier,
      trackingNo: `${carrier.toUpperCase()}${String(1e11 + rng.int(9e11))}`,
      events: [],
      stalled: false,
      expectedDelivery: createdAt + 3 * DAY_MS,
      refund: { state: 'none', amount: 0 },
    };
    if (fate < 0.04) {
      orders.push(order);
      continue;
    }
    order.paidAt = createdAt + (1 + rng.int(30)) * 60_000;
    if (fate < 0.09) {
      order.cancelledAt = order.paidAt + (1 + rng.int(20)) * HOUR;
      order.refund = {
        state: 'refunded',
        amount: total,
        requestedAt: order.cancelledAt,
        doneAt: order.cancelledAt + HOUR,
      };
      orders.push(order);
      continue;
    }
    const plan = timeline(rng, order.paidAt);
    order.events = plan.events;
    order.stalled = plan.stalled;
    order.expectedDelivery = plan.expected;
    if (fate > 0.88 && !plan.stalled) {
      const delivered = (plan.events.at(-1) as LogisticsEvent).at;
      const requestedAt = delivered + (1 + rng.int(4)) * DAY_MS;
      const state: RefundState = rng.pick([
        'requested',
        'approved',
        'refunded',
        'refunded',
        'rejected',
      ] as const);
      const first = items[0] as OrderItem;
      order.refund = {
        state,
        amount: first.unitPrice * first.quantity,
        requestedAt,
        ...(state === 'refunded' ? { doneAt: requestedAt + (1 + rng.int(3)) * DAY_MS } : {}),
      };
    }
    orders.push(order);
  }
  return orders;
}
