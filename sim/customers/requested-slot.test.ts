import { describe, expect, it } from 'vitest';
import { requestedSlot } from './requested-slot.ts';

describe('requestedSlot', () => {
  it.each([
    ['亲，请提供一下您的订单号哦', 'order'],
    ['麻烦发一下是哪一单呢', 'order'],
    ['Could you share your order number?', 'order'],
    ['Which order is this about?', 'order'],
    ['请问您的身高体重是多少呢', 'size'],
    ['What size do you usually wear?', 'size'],
    ['How tall are you?', 'size'],
    ['您想要哪个颜色呢', 'colour'],
    ['Which color would you like?', 'colour'],
    ['请问是哪款商品呢', 'product'],
    ['Which item are you asking about?', 'product'],
  ] as const)('%s → %s', (text, slot) => {
    expect(requestedSlot(text)).toBe(slot);
  });

  it('finds nothing in a question that asks for none of the slots', () => {
    expect(requestedSlot('请问还有什么可以帮您？')).toBeNull();
    expect(requestedSlot('Could you tell me a bit more?')).toBeNull();
  });

  it('prefers the order id when a reply asks for several things', () => {
    expect(requestedSlot('请提供订单号和想换的尺码')).toBe('order');
  });
});
