import type { Locale } from '../../server/bot/types.ts';
import type { Rng } from '../util/rng.ts';
import type { SlotValues } from './slots.ts';
import type { CustomerFacts } from './types.ts';

/** Values a customer draws for the slots the store's facts do not provide. */
export interface SlotPools {
  /** @default clothing letter sizes and shoe sizes, per locale */
  sizes: Readonly<Record<Locale, readonly string[]>>;
  /** @default prices written as shoppers write them (¥299, 300块), per locale */
  amounts: Readonly<Record<Locale, readonly string[]>>;
  /** @default common garment colours, per locale */
  colours: Readonly<Record<Locale, readonly string[]>>;
  /** Used when the facts list no products. @default down jacket, running shoes, face wash, robot vacuum, iPhone 16, earbuds */
  products: readonly { zh: string; en: string }[];
  /** Order-id date prefixes used when the facts list no orders. @default Double-11 and 618 dates */
  orderDates: readonly string[];
}

export const DEFAULT_SLOT_POOLS: SlotPools = {
  sizes: {
    'zh-CN': ['S码', 'M码', 'L码', 'XL码', 'XXL码', '38码', '40码', '42码', '44码'],
    'en-US': ['S', 'M', 'L', 'XL', 'XXL', 'EU 38', 'EU 40', 'EU 42', 'EU 44'],
  },
  amounts: {
    'zh-CN': ['¥299', '300块', '¥1299', '59元', '¥89.9', '200多块', '¥4999', '1000块'],
    'en-US': ['¥299', '¥1,299', '300 yuan', '¥59', '¥89.90', '¥4,999', '1000 RMB'],
  },
  colours: {
    'zh-CN': ['黑色', '白色', '米色', '藏青色', '焦糖色', '灰色', '粉色', '军绿色'],
    'en-US': ['black', 'white', 'beige', 'navy', 'caramel', 'grey', 'pink', 'olive'],
  },
  products: [
    { zh: '羽绒服', en: 'down jacket' },
    { zh: '运动鞋', en: 'running shoes' },
    { zh: '洗面奶', en: 'face wash' },
    { zh: '扫地机器人', en: 'robot vacuum' },
    { zh: 'iPhone 16', en: 'iPhone 16' },
    { zh: '蓝牙耳机', en: 'earbuds' },
  ],
  orderDates: ['20261111', '20261110', '20261112', '20260618', '20260617'],
};

function syntheticOrderId(rng: Rng, dates: readonly string[]): string {
  let serial = '';
  for (let i = 0; i < 8; i++) serial += String(rng.int(10));
  return `E${rng.pick(dates)}${serial}`;
}

/** One customer's slot values: a real order and product from the facts when there are any. */
export function drawSlots(
  rng: Rng,
  facts: CustomerFacts,
  locale: Locale,
  pools: SlotPools = DEFAULT_SLOT_POOLS,
): SlotValues {
  const order =
    facts.orderIds.length > 0 ? rng.pick(facts.orderIds) : syntheticOrderId(rng, pools.orderDates);
  const product = rng.pick(facts.products.length > 0 ? facts.products : pools.products);
  return {
    order,
    product: locale === 'zh-CN' ? product.zh : product.en,
    size: rng.pick(pools.sizes[locale]),
    amount: rng.pick(pools.amounts[locale]),
    colour: rng.pick(pools.colours[locale]),
  };
}
