import { describe, expect, it } from 'vitest';
import { priceAt, stockKey } from '../data/catalog.ts';
import { cst } from '../data/clock.ts';
import { bestQuote } from '../data/promotions.ts';
import { createStore } from '../data/store.ts';
import type { AnswerContext, Memory } from './answer-context.ts';
import { couponIssue, productSize, productStock, promoRules } from './answers-presale.ts';

const store = createStore(3, { orderCount: 10 });
const now = cst(2026, 11, 11, 12);
const ctx = (memory: Partial<Memory>, lang: 'zh' | 'en' = 'zh', asked = false): AnswerContext => ({
  store,
  memory: { skus: [], ...memory },
  text: '',
  now,
  lang,
  asked: asked ? ['orderId', 'product', 'body'] : [],
});

describe('presale answers', () => {
  it('quotes a cart with every step and the best total', () => {
    const jacket = store.catalog.get('A01')!;
    const shoes = store.catalog.get('S01')!;
    const q = bestQuote([
      { sku: 'A01', unitPrice: priceAt(jacket, now), quantity: 2 },
      { sku: 'S01', unitPrice: priceAt(shoes, now), quantity: 1 },
    ]);
    const out = promoRules(ctx({ skus: ['A01', 'S01'], quantity: 2 }));
    expect(out.kind).toBe('answer');
    if (out.kind !== 'answer') return;
    expect(out.text.startsWith('羽绒服×2 + 跑步鞋×1：商品合计')).toBe(true);
    expect(out.text).toContain(`最低到手价¥${q.total}。`);
    expect(out.text).toContain(`商品合计¥${priceAt(jacket, now) * 2 + priceAt(shoes, now)}`);
  });

  it('splits deposit and balance for a presale item', () => {
    const presale = [...store.catalog.values()].find((p) => p.presale !== undefined)!;
    const q = bestQuote([
      {
        sku: presale.sku,
        unitPrice: priceAt(presale, now),
        quantity: 1,
        deposit: { pay: presale.presale!.deposit, worth: presale.presale!.depositValue },
      },
    ]);
    const out = promoRules(ctx({ skus: [presale.sku] }, 'en'));
    expect(
      out.kind === 'answer' &&
        out.text.endsWith(
          `Best price ¥${q.total} (deposit ¥${q.depositPaid} now, balance ¥${q.finalPayment}).`,
        ),
    ).toBe(true);
  });

  it('reports stock for the asked size and colour from the catalog', () => {
    const jacket = store.catalog.get('A01')!;
    const n = jacket.stock[stockKey('L', 'black')]!;
    const out = productStock(ctx({ skus: ['A01'], size: 'L', colour: 'black' }));
    expect(out).toEqual({
      kind: 'answer',
      resolved: true,
      text: `羽绒服库存 — 黑色: ${n > 0 ? `L ${n}件` : 'L 缺货'}。缺货的规格可点“到货提醒”，补货后第一时间通知您。`,
    });
  });

  it('asks for height and weight once, then gives the table unresolved', () => {
    expect(productSize(ctx({}))).toEqual({ kind: 'need', slot: 'body' });
    expect(productSize(ctx({}, 'zh', true))).toMatchObject({ kind: 'answer', resolved: false });
    const out = productSize(ctx({ heightCm: 175, weightKg: 70 }));
    expect(out.kind === 'answer' && out.text.startsWith('身高175cm、体重70kg建议选L码')).toBe(true);
    expect(productSize(ctx({ skus: ['S01'], footCm: 25 }, 'en'))).toEqual({
      kind: 'answer',
      resolved: true,
      text: 'For a 25 cm foot take size 40; with wide feet take 41.',
    });
  });

  it('goes from the usual size and the cut when that is all there is', () => {
    expect(productSize(ctx({ skus: ['A05'], size: 'M' }))).toEqual({
      kind: 'answer',
      resolved: true,
      text: '平时穿M的话，牛仔裤选L码：这款是修身版型，建议大一码。',
    });
    expect(productSize(ctx({ skus: ['S01'], size: '42' }, 'en'))).toEqual({
      kind: 'answer',
      resolved: true,
      text: 'If you usually wear 42, take 42 in the running shoes: it is true to size.',
    });
    const heightOnly = productSize(ctx({ heightCm: 182 }));
    expect(heightOnly.kind === 'answer' && heightOnly.text).toBe('身高182cm建议选XL码。喜欢宽松可以大一码。');
  });

  it('says how far an amount is from each coupon', () => {
    const out = couponIssue(ctx({ amount: 900 }));
    expect(out.kind === 'answer' && out.text).toBe(
      '按¥900、跨店满减后计算：满299减40可用；满899减100还差¥149；满199减30可用；满1000减80还差¥250。',
    );
  });
});
