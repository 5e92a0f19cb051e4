import { describe, expect, it } from 'vitest';
import { fillTemplate, type SlotValues, templateSlots } from './slots.ts';

const values: SlotValues = {
  order: 'E2026111100012345',
  product: '羽绒服',
  size: 'L码',
  amount: '¥299',
  colour: '黑色',
};

describe('templateSlots', () => {
  it('lists slot names in order, repeats kept', () => {
    expect(templateSlots('{product}{colour}{size}还有吗 {product}')).toEqual([
      'product',
      'colour',
      'size',
      'product',
    ]);
    expect(templateSlots('在吗')).toEqual([]);
  });
});

describe('fillTemplate', () => {
  it('puts every slot value in place', () => {
    expect(fillTemplate('{order}的{product}要{colour}{size} 多付了{amount}', values)).toBe(
      'E2026111100012345的羽绒服要黑色L码 多付了¥299',
    );
    expect(fillTemplate('no slots here', values)).toBe('no slots here');
  });

  it('names an unknown slot and its template', () => {
    expect(() => fillTemplate('我{height}穿多大', values)).toThrow(
      'unknown slot {height} in template "我{height}穿多大"',
    );
  });
});
