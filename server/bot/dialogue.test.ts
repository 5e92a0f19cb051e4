import { describe, expect, it } from 'vitest';
import { priceProtectVerdict } from '../data/aftersale-rules.ts';
import { cst } from '../data/clock.ts';
import type { Order } from '../data/orders.ts';
import { createStore } from '../data/store.ts';
import { orderPhase } from './answers-order.ts';
import type { Classification, Classifier } from './classifier.ts';
import { createDialogue, detectLang } from './dialogue.ts';
import { INTENTS, type IntentId, type Session } from './types.ts';

const store = createStore(5, { orderCount: 800 });
const now = cst(2026, 11, 12, 10);

/** A classifier that answers from a script: the first rule whose key occurs in the text. */
function scripted(rules: [string, IntentId, number][]): Classifier {
  const find = (text: string): Classification => {
    const r = rules.find(([k]) => text.includes(k));
    return r === undefined ? { intent: 'other', confidence: 0.2 } : { intent: r[1], confidence: r[2] };
  };
  return {
    temperature: 1,
    classify: find,
    probabilities(text: string) {
      const c = find(text);
      const p = new Float64Array(INTENTS.length).fill((1 - c.confidence) / (INTENTS.length - 1));
      p[INTENTS.indexOf(c.intent)] = c.confidence;
      return p;
    },
  };
}

const classifier = scripted([
  ['转人工', 'human.request', 0.98],
  ['human', 'human.request', 0.98],
  ['投诉', 'complaint', 0.95],
  ['快递到哪', 'logistics.track', 0.96],
  ['where is my parcel', 'logistics.track', 0.96],
  ['取消', 'order.cancel', 0.95],
  ['退款', 'aftersale.refund', 0.93],
  ['价保', 'aftersale.price_protect', 0.94],
  ['破损', 'logistics.exception', 0.9],
  ['改地址', 'order.modify', 0.92],
  ['你好', 'greeting', 0.9],
  ['天气', 'other', 0.9],
  ['嗯', 'product.info', 0.3],
  ['啊', 'promo.rules', 0.35],
  ['哦', 'account', 0.45],
]);
const dialogue = createDialogue(store, classifier);
const session = (locale?: 'zh-CN' | 'en-US'): Session => ({
  id: 's',
  locale,
  state: dialogue.createState(locale),
});
const orders = [...store.orders.values()];
const firstOrder = (pred: (o: Order) => boolean): Order => {
  const o = orders.find(pred);
  if (o === undefined) throw new Error('no such order in the test store');
  return o;
};

describe('dialogue policy', () => {
  it('answers a greeting as resolved', () => {
    const r = dialogue.handle(session(), '你好', now);
    expect(r).toMatchObject({ intent: 'greeting', action: 'answer', resolved: true });
  });

  it('asks for a missing order id once, then answers from the store with context', () => {
    const s = session();
    const o = firstOrder((x) => orderPhase(x, now) === 'in_transit');
    const first = dialogue.handle(s, '我的快递到哪了', now);
    expect(first).toMatchObject({ intent: 'logistics.track', action: 'clarify', resolved: false });
    const second = dialogue.handle(s, o.id, now);
    expect(second).toMatchObject({ intent: 'logistics.track', action: 'answer', resolved: true });
    expect(second.text).toContain(o.trackingNo);
  });

  it('reads an unclear reply right after a clarifying question as an answer to it', () => {
    const s = session();
    dialogue.handle(s, '我的快递到哪了', now);
    expect(dialogue.handle(s, '嗯', now)).toMatchObject({
      intent: 'logistics.track',
      action: 'answer',
      resolved: false,
    });
  });

  it('answers without the slot after asking once, then hands off when the need stays unresolved', () => {
    const s = session();
    expect(dialogue.handle(s, '取消订单', now)).toMatchObject({ action: 'clarify', resolved: false });
    expect(dialogue.handle(s, '我要取消', now)).toMatchObject({ action: 'answer', resolved: false });
    expect(dialogue.handle(s, '帮我取消一下', now)).toMatchObject({
      action: 'handoff',
      resolved: false,
      handoff: { queue: 'logistics', reason: 'repeat' },
    });
  });

  it('hands an explicit request to presale first, later to the queue of the conversation', () => {
    expect(dialogue.handle(session(), '转人工', now)).toMatchObject({
      intent: 'human.request',
      action: 'handoff',
      handoff: { queue: 'presale', reason: 'request' },
    });
    const s = session();
    dialogue.handle(s, '价保怎么弄', now);
    expect(dialogue.handle(s, '转人工', now).handoff).toEqual({ queue: 'aftersale', reason: 'request' });
  });

  it('hands off on an explicit request inside a message about something else', () => {
    expect(dialogue.handle(session(), '退款还没到 给我人工客服', now)).toMatchObject({
      intent: 'aftersale.refund',
      action: 'handoff',
      handoff: { queue: 'aftersale', reason: 'request' },
    });
  });

  it('hands off on anger: words, punctuation, and the same message a third time', () => {
    expect(dialogue.handle(session(), '快递到哪了？？？', now).handoff).toEqual({
      queue: 'logistics',
      reason: 'anger',
    });
    expect(dialogue.handle(session(), '你好 什么垃圾', now).handoff).toEqual({
      queue: 'presale',
      reason: 'anger',
    });
    const s = session();
    dialogue.handle(s, '你好', now);
    expect(dialogue.handle(s, '你好', now).action).toBe('answer');
    expect(dialogue.handle(s, '你好', now).handoff).toEqual({ queue: 'presale', reason: 'anger' });
  });

  it('sends complaints to the complaints queue', () => {
    expect(dialogue.handle(session(), '我要投诉', now)).toMatchObject({
      intent: 'complaint',
      action: 'handoff',
      handoff: { queue: 'complaints', reason: 'policy' },
    });
  });

  it('answers at 0.45 confidence, the low-confidence line being 0.4', () => {
    expect(dialogue.handle(session(), '哦', now)).toMatchObject({
      intent: 'account',
      action: 'answer',
      confidence: 0.45,
    });
  });

  it('asks again on low confidence once a need in between was resolved', () => {
    const s = session();
    expect(dialogue.handle(s, '嗯', now).action).toBe('clarify');
    expect(dialogue.handle(s, '你好', now).resolved).toBe(true);
    expect(dialogue.handle(s, '嗯', now).action).toBe('clarify');
  });

  it('clarifies once on low confidence, then hands off', () => {
    const s = session();
    expect(dialogue.handle(s, '嗯', now)).toMatchObject({
      action: 'clarify',
      resolved: false,
      confidence: 0.3,
    });
    expect(dialogue.handle(s, '啊', now)).toMatchObject({
      action: 'handoff',
      handoff: { queue: 'presale', reason: 'low_confidence' },
    });
  });

  it('hands damaged goods and large refunds to after-sales as policy cases', () => {
    expect(dialogue.handle(session(), '快递破损了', now).handoff).toEqual({
      queue: 'aftersale',
      reason: 'policy',
    });
    const big = firstOrder((o) => o.total > 2000 && o.refund.state === 'none');
    expect(dialogue.handle(session(), `退款 ${big.id}`, now).handoff).toEqual({
      queue: 'aftersale',
      reason: 'policy',
    });
  });

  it('computes the price-protection refund from the order and current prices', () => {
    const o = firstOrder((x) => priceProtectVerdict(x, store.catalog, now).ok);
    const v = priceProtectVerdict(o, store.catalog, now);
    const r = dialogue.handle(session(), `价保 ${o.id}`, now);
    expect(r).toMatchObject({ intent: 'aftersale.price_protect', action: 'answer', resolved: true });
    expect(v.ok && r.text.includes(`差价¥${v.refund}`)).toBe(true);
  });

  it('masks personal data in replies', () => {
    const o = firstOrder((x) => orderPhase(x, now) === 'awaiting_shipment');
    const r = dialogue.handle(session(), `改地址 ${o.id} 上海市浦东新区世纪大道100号 电话13912345678`, now);
    expect(r.text).toContain('上海市浦东新区****');
    expect(r.text).toContain('139****5678');
    expect(r.text).not.toContain('13912345678');
  });

  it('replies in English to English messages', () => {
    const r = dialogue.handle(session('en-US'), 'where is my parcel', now);
    expect(r.text).toBe(
      'Could you give me the order id (starts with E, like E2026111100012345)? I will check right away.',
    );
  });

  it('answers out-of-scope messages politely without resolving them', () => {
    const r = dialogue.handle(session(), '今天天气怎么样', now);
    expect(r).toMatchObject({ intent: 'other', action: 'answer', resolved: false });
    expect(r.text).toBe('抱歉，这个问题我帮不上忙。我可以查订单、物流、退换货、价保和活动规则。');
  });
});

describe('detectLang', () => {
  it('reads Chinese characters as zh, Latin words as en, bare ids as the fallback', () => {
    expect(detectLang('快递 where', 'en')).toBe('zh');
    expect(detectLang('where is it', 'zh')).toBe('en');
    expect(detectLang('E2026111100012345', 'en')).toBe('en');
    expect(detectLang('E2026111100012345', 'zh')).toBe('zh');
  });
});
