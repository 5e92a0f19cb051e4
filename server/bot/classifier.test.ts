import { describe, expect, it } from 'vitest';
import { sharedClassifier } from './brain.ts';
import { CORPUS_TEMPERATURE } from './calibration.ts';
import { trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { INTENTS, type IntentId } from './types.ts';

describe('trainClassifier', () => {
  it('learns a toy problem and gives calibrated probabilities that sum to 1', () => {
    const c = trainClassifier(
      [
        ...['快递到哪了', '物流到哪了', '包裹到哪了', 'where is my parcel', 'track my package'].map(
          (text, i) => ({
            text,
            intent: 'logistics.track' as IntentId,
            group: i,
          }),
        ),
        ...['我要退货', '怎么退货', '申请退货', 'return this item', 'I want to return it'].map((text, i) => ({
          text,
          intent: 'aftersale.return' as IntentId,
          group: 10 + i,
        })),
      ],
      { validationShare: 0 },
    );
    expect(c.classify('快递到哪').intent).toBe('logistics.track');
    expect(c.classify('退货').intent).toBe('aftersale.return');
    const p = c.probabilities('return my parcel');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('weighs every intent the same when balanced, however many examples each has', () => {
    const data = [
      ...Array.from({ length: 400 }, (_, i) => ({ text: 'zz', intent: 'other' as IntentId, group: i })),
      ...Array.from({ length: 100 }, (_, i) => ({
        text: 'zz',
        intent: 'greeting' as IntentId,
        group: 1000 + i,
      })),
    ];
    const odds = (balanced: boolean): number => {
      const p = trainClassifier(data, { validationShare: 0, balanced }).probabilities('zz');
      return (p[INTENTS.indexOf('greeting')] as number) / (p[INTENTS.indexOf('other')] as number);
    };
    expect(odds(false)).toBeLessThan(0.05);
    expect(odds(true)).toBeGreaterThan(1);
  });

  it('with a given temperature skips calibration and otherwise trains the same classifier', () => {
    const track = ['快递到哪了', '物流到哪了', '包裹到哪了', 'where is my parcel', 'track my package'];
    const back = ['我要退货', '怎么退货', '申请退货', 'return this item', 'I want to return it'];
    const data = [
      ...track.map((text, i) => ({ text, intent: 'logistics.track' as IntentId, group: i })),
      ...back.map((text, i) => ({ text, intent: 'aftersale.return' as IntentId, group: 10 + i })),
    ];
    const fitted = trainClassifier(data, { validationShare: 0.5 });
    const given = trainClassifier(data, { validationShare: 0.5, temperature: fitted.temperature });
    // Calibration ran: separable toy data sharpens to the search's lower bound.
    expect(fitted.temperature).toBe(0.3);
    expect(given.temperature).toBe(0.3);
    expect([...given.probabilities('退货 parcel')]).toEqual([...fitted.probabilities('退货 parcel')]);
    expect(trainClassifier(data, { temperature: 2.5 }).temperature).toBe(2.5);
    expect(() => trainClassifier(data, { temperature: 0 })).toThrow('temperature must be > 0, got 0');
  });

  it('rejects an unknown intent with the example index', () => {
    expect(() => trainClassifier([{ text: 'x', intent: 'nope' as IntentId }])).toThrow(
      'unknown intent "nope" in training example 0',
    );
  });
});

describe('the corpus-trained classifier', () => {
  const c = sharedClassifier();

  it('uses the temperature that calibrating on the corpus fits (update CORPUS_TEMPERATURE in calibration.ts)', () => {
    const calibrated = trainClassifier(trainingExamples());
    expect(calibrated.temperature).toBe(CORPUS_TEMPERATURE);
    expect(c.temperature).toBe(CORPUS_TEMPERATURE);
    for (const text of ['我的快递到哪了', 'how do I buy two', 'zzzz'])
      expect([...c.probabilities(text)]).toEqual([...calibrated.probabilities(text)]);
  });

  const cases: [string, IntentId][] = [
    ['亲，我那件羽绒服到哪儿了，E2026111100012345', 'logistics.track'],
    ['包裹三天没更新了是不是丢了', 'logistics.exception'],
    ['定金付了100能抵多少，尾款几点付', 'promo.rules'],
    ['买完第二天就降价了 差价能退吗', 'aftersale.price_protect'],
    ['帮我转人工客服', 'human.request'],
    ['這件衣服可以退貨嗎', 'aftersale.return'],
    ['my refund still has not arrived', 'aftersale.refund'],
    ['cancel my order pls, ordered the wrong colour', 'order.cancel'],
    ['can I get a VAT invoice for my company', 'invoice'],
    ['what size should I get, 170cm 65kg', 'product.size'],
    ['what is the weather in Shanghai', 'other'],
    ['thank you, bye', 'greeting'],
  ];
  it.each(cases)('%s → %s', (text, intent) => {
    expect(c.classify(text).intent).toBe(intent);
  });

  it('is confident on clear messages and puts keyboard noise out of scope', () => {
    expect(c.classify('我要退款').confidence).toBeGreaterThan(0.8);
    expect(c.classify('zzzz qqq').intent).toBe('other');
    expect(c.classify('asdkjh').intent).toBe('other');
  });
});
