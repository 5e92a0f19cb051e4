import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLOUR_NAMES, PRODUCT_SPECS } from '../data/products.ts';
import { extractSlots, extractSlotsByEveryPattern } from './slots.ts';

/** Names, numbers and units the patterns look for, and characters around them, to make messages of. */
const PIECES = [
  ...PRODUCT_SPECS.flatMap((p) => [p.zh, p.en.toUpperCase(), ...p.aliases]),
  ...Object.values(COLOUR_NAMES).flatMap((c) => [c.zh, c.en, ...c.aliases]),
  ...'0123456789 ,./\'"¥元块件个双码号米斤月日两二三四五七一xXLMSk',
  'E2026111100012345',
  '2026061800000042',
  'cm',
  'kg',
  'lbs',
  'ft',
  'size ',
  'medium',
  'two pairs',
  '身高',
  '一米七',
  '一米八五',
  '体重',
  '脚长',
  'Nov ',
  'th',
  'of ',
];

describe('extractSlots', () => {
  it('finds what running every pattern finds: the scan skips only patterns that cannot match', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        expect(extractSlots(text)).toEqual(extractSlotsByEveryPattern(text));
      }),
      { numRuns: 4000, seed: 9 },
    );
  });

  it('finds order ids with or without the E, in upper case', () => {
    expect(extractSlots('我的快递到哪了 E2026111100012345').orderId).toBe('E2026111100012345');
    expect(extractSlots('order e2026061800000042 status').orderId).toBe('E2026061800000042');
    expect(extractSlots('单号2026111100012345').orderId).toBe('E2026111100012345');
    expect(extractSlots('电话13812341234').orderId).toBeUndefined();
  });

  it('finds products by name and alias in both languages, in order', () => {
    expect(extractSlots('羽绒服和跑鞋一起买多少钱').skus).toEqual(['A01', 'S01']);
    expect(extractSlots('are the EARBUDS in stock').skus).toEqual(['E01']);
    expect(extractSlots('蓝牙耳机有货吗').skus).toEqual(['E01']);
  });

  it('reads sizes, colours and amounts', () => {
    expect(extractSlots('黑色XL码还有吗')).toMatchObject({ colour: 'black', size: 'XL' });
    expect(extractSlots('size 42 white sneakers')).toMatchObject({
      size: '42',
      colour: 'white',
      skus: ['S02'],
    });
    expect(extractSlots('我穿40码的').size).toBe('40');
    expect(extractSlots('do you have a medium').size).toBe('M');
    expect(extractSlots('退了¥299.5').amount).toBe(299.5);
    expect(extractSlots('降了50块').amount).toBe(50);
  });

  it('reads height and weight, 斤 and pounds converted to kg', () => {
    expect(extractSlots('身高175cm体重140斤')).toMatchObject({ heightCm: 175, weightKg: 70 });
    expect(extractSlots('一米七 60kg')).toMatchObject({ heightCm: 170, weightKg: 60 });
    expect(extractSlots('180 cm, 165 lbs')).toMatchObject({ heightCm: 180, weightKg: 75 });
    expect(extractSlots("5'7, 150 pounds")).toMatchObject({ heightCm: 170, weightKg: 68 });
    expect(extractSlots('6 ft')).toMatchObject({ heightCm: 183 });
    expect(extractSlots('170/60')).toMatchObject({ heightCm: 170, weightKg: 60 });
    expect(extractSlots('165，120')).toMatchObject({ heightCm: 165, weightKg: 60 });
  });

  it('reads quantities', () => {
    expect(extractSlots('买两件卫衣').quantity).toBe(2);
    expect(extractSlots('3 pcs').quantity).toBe(3);
  });

  it('reads dates in zh and en spellings', () => {
    expect(extractSlots('11月11日买的').date).toEqual({ month: 11, day: 11 });
    expect(extractSlots('6月18号下的单').date).toEqual({ month: 6, day: 18 });
    expect(extractSlots('ordered on 11/3').date).toEqual({ month: 11, day: 3 });
    expect(extractSlots('bought it Nov 11th').date).toEqual({ month: 11, day: 11 });
    expect(extractSlots('on the 20th of November').date).toEqual({ month: 11, day: 20 });
    expect(extractSlots('退了¥299.5').date).toBeUndefined();
    expect(extractSlots('重1.5kg').date).toBeUndefined();
  });
});
