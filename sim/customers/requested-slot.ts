import type { SlotName } from './slots.ts';

const ASKS: readonly (readonly [SlotName, RegExp])[] = [
  ['order', /订单号|单号|订单编号|哪个订单|哪一单|order\s*(?:number|no\.?|id)|which order/i],
  ['size', /尺码|码数|身高|体重|多高|穿多大|\bsize\b|height|weight|how tall/i],
  ['colour', /颜色|哪个色|colou?r/i],
  [
    'product',
    /哪款|哪个商品|什么商品|商品名|宝贝链接|哪件|which (?:product|item)|product name|what (?:product|item)/i,
  ],
];

/** Which slot a clarifying bot reply asks for, read from its text; null when it asks for none of them. */
export function requestedSlot(replyText: string): SlotName | null {
  for (const [slot, pattern] of ASKS) {
    if (pattern.test(replyText)) return slot;
  }
  return null;
}
