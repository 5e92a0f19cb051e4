import { describe, expect, it } from 'vitest';
import type { IntentId } from '../../server/bot/types.ts';
import type { SimCustomer } from '../engine/workload.ts';
import { createRng } from '../util/rng.ts';
import {
  type Customer,
  type CustomerOptions,
  type CustomerStep,
  createCustomer,
  type SeenReply,
} from './customer.ts';
import { DEFAULT_SLOT_POOLS } from './draw-slots.ts';
import { FOLLOW_UPS } from './phrasebook/follow-ups.ts';
import { PHRASEBOOK } from './phrasebook/phrasebook.ts';
import type { CustomerBehaviour, CustomerFacts } from './types.ts';

const behaviour: CustomerBehaviour = {
  turnsMean: 2,
  maxTurns: 8,
  thinkTimeMedianSec: 10,
  thinkTimeP90Sec: 35,
  patienceSec: 60,
  angerShare: 0.2,
  zhShare: 0.7,
  humanFirstShare: 0.1,
};
/** One question, calm, Chinese, no human-first: the simplest customer. */
const plain: CustomerBehaviour = {
  ...behaviour,
  turnsMean: 1,
  angerShare: 0,
  zhShare: 1,
  humanFirstShare: 0,
};

const facts: CustomerFacts = {
  orderIds: ['E2026111100012345', 'E2026111100067890'],
  products: [
    { zh: '羽绒服', en: 'down jacket' },
    { zh: '扫地机器人', en: 'robot vacuum' },
  ],
};

const answer = (intent: IntentId, resolved = true): SeenReply => ({
  intent,
  action: 'answer',
  resolved,
  text: '…',
});
const clarify = (intent: IntentId, text: string): SeenReply => ({
  intent,
  action: 'clarify',
  resolved: false,
  text,
});
const handoff: SeenReply = {
  intent: 'human.request',
  action: 'handoff',
  resolved: false,
  text: '正在为您转接人工客服',
  handoff: { queue: 'logistics', reason: 'request' },
};

function customer(
  seed: number,
  intent: IntentId,
  b: CustomerBehaviour = plain,
  options: Partial<CustomerOptions> = {},
): Customer {
  return createCustomer(createRng(seed), intent, b, facts, options);
}

function says(step: CustomerStep): string {
  if (step.kind !== 'say') throw new Error(`expected a message, got end ${step.reason}`);
  return step.text;
}

/** Plays a whole conversation against a bot function; returns every customer step. */
function play(c: Customer, bot: (turn: number, text: string) => SeenReply): (CustomerStep | string)[] {
  const first = c.first().text;
  const log: (CustomerStep | string)[] = [first];
  let text = first;
  for (let turn = 1; turn < 100; turn++) {
    const step = c.onReply(bot(turn, text));
    log.push(step);
    if (step.kind === 'end') return log;
    text = step.text;
  }
  throw new Error('conversation did not end');
}

/** Whether `text` is one of the templates with its slots filled in somehow. */
function fromTemplates(text: string, templates: readonly string[]): boolean {
  return templates.some((t) =>
    new RegExp(`^${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '.+')}$`).test(text),
  );
}

describe('createCustomer: opening', () => {
  it('writes the exact first message of a seed', () => {
    expect(customer(1, 'logistics.track', behaviour).first()).toEqual({
      text: '已经在派送了吗',
      locale: 'zh-CN',
    });
    expect(customer(3, 'aftersale.refund', behaviour).first()).toEqual({
      text: '退款显示关闭了 钱没收到',
      locale: 'zh-CN',
    });
    expect(customer(6, 'order.cancel', behaviour).first()).toEqual({
      text: '帮我把E2026111100012345取消掉',
      locale: 'zh-CN',
    });
    expect(customer(2, 'logistics.track', behaviour).first()).toEqual({
      text: 'is there a human I can speak to',
      locale: 'en-US',
    });
    expect(customer(2, 'logistics.track', behaviour).truth).toEqual({
      intent: 'logistics.track',
      locale: 'en-US',
      angry: false,
      humanFirst: true,
      questions: 5,
      slots: {
        order: 'E2026111100067890',
        product: 'robot vacuum',
        size: 'S',
        amount: '300 yuan',
        colour: 'grey',
      },
    });
  });

  it('plays the same conversation, think times included, from the same seed', () => {
    const bot = (turn: number): SeenReply =>
      turn % 3 === 0
        ? clarify('logistics.track', '请提供订单号')
        : answer(turn % 2 ? 'order.status' : 'logistics.track');
    for (let seed = 0; seed < 30; seed++) {
      expect(play(customer(seed, 'logistics.track', behaviour), bot)).toEqual(
        play(customer(seed, 'logistics.track', behaviour), bot),
      );
    }
    expect(play(customer(1, 'logistics.track', behaviour), bot)).not.toEqual(
      play(customer(8, 'logistics.track', behaviour), bot),
    );
  });

  it('keeps the conversation the same however often the engine draws patience', () => {
    const bot = (turn: number) => answer(turn < 3 ? 'other' : 'invoice');
    const quiet = customer(4, 'invoice', behaviour);
    const busy = customer(4, 'invoice', behaviour);
    const busyLog = play(busy, (turn) => {
      busy.patienceMs();
      busy.patienceMs();
      return bot(turn);
    });
    expect(busyLog).toEqual(play(quiet, bot));
  });

  it('draws language, anger and human-first from the behaviour shares', () => {
    const n = 4000;
    let zh = 0;
    let angry = 0;
    let humanFirst = 0;
    const rng = createRng(99);
    for (let i = 0; i < n; i++) {
      const t = createCustomer(rng, 'promo.rules', behaviour, facts).truth;
      if (t.locale === 'zh-CN') zh++;
      if (t.angry) angry++;
      if (t.humanFirst) humanFirst++;
    }
    // Three standard errors of a share over 4000 draws are under 0.022.
    expect(Math.abs(zh / n - 0.7)).toBeLessThan(0.022);
    expect(Math.abs(angry / n - 0.2)).toBeLessThan(0.019);
    expect(Math.abs(humanFirst / n - 0.1)).toBeLessThan(0.015);
  });

  it('writes the whole opening in the customer language', () => {
    for (let seed = 0; seed < 50; seed++) {
      expect(customer(seed, 'product.stock', { ...plain, zhShare: 0 }).first().text).not.toMatch(
        /[\u4e00-\u9fff]/,
      );
      expect(customer(seed, 'product.stock', plain).first().text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('opens angrily when angry from the start', () => {
    const c = customer(5, 'logistics.exception', { ...plain, angerShare: 1 });
    const text = c.first().text;
    expect(c.truth.angry).toBe(true);
    expect(FOLLOW_UPS.angryOpening['zh-CN'].some((opening) => text.startsWith(opening))).toBe(true);
  });

  it('opens with a human request per humanFirstShare, then states the need if not handed off', () => {
    const c = customer(7, 'aftersale.refund', { ...plain, humanFirstShare: 1 });
    expect(PHRASEBOOK['human.request'].opening['zh-CN']).toContain(c.first().text);
    const need = says(c.onReply(answer('greeting', false)));
    expect(fromTemplates(need, PHRASEBOOK['aftersale.refund'].opening['zh-CN'])).toBe(true);
    expect(c.counters).toMatchObject({ turns: 2, humanRequests: 1, failures: 0, rephrases: 0 });
    expect(c.onReply(handoff)).toMatchObject({ kind: 'end', reason: 'handoff_accepted' });
  });

  it('fills slots from the store facts', () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const text = customer(seed, 'order.cancel', plain).first().text;
      for (const id of text.match(/E\d{16}/g) ?? []) orders.add(id);
      expect(text).not.toMatch(/[{}]/);
    }
    expect([...orders].sort()).toEqual([...facts.orderIds]);
  });
});

describe('createCustomer: onReply', () => {
  it('ends resolved after a right, resolving answer', () => {
    const c = customer(1, 'logistics.track', plain, { thanksShare: 0 });
    c.first();
    expect(c.onReply(answer('logistics.track'))).toEqual({
      kind: 'end',
      reason: 'resolved',
      outcome: {
        turns: 1,
        rephrases: 0,
        clarifications: 0,
        followUps: 0,
        failures: 0,
        humanRequests: 0,
        botResolved: true,
        angry: false,
      },
    });
  });

  it('says thanks before leaving when it is the thanking kind', () => {
    const c = customer(1, 'logistics.track', plain, { thanksShare: 1 });
    c.first();
    expect(FOLLOW_UPS.thanks['zh-CN']).toContain(says(c.onReply(answer('logistics.track'))));
    expect(c.onReply(answer('greeting'))).toMatchObject({
      kind: 'end',
      reason: 'resolved',
      outcome: { turns: 2 },
    });
  });

  it('asks its follow-up questions on the same need after resolving answers', () => {
    const c = customer(
      4,
      'logistics.track',
      { ...plain, turnsMean: 4 },
      { thanksShare: 0, acknowledgeShare: 0 },
    );
    c.first();
    const questions = c.truth.questions;
    expect(questions).toBe(4);
    const asked = new Set<string>();
    for (let i = 1; i < questions; i++) {
      const text = says(c.onReply(answer('logistics.track')));
      expect(fromTemplates(text, PHRASEBOOK['logistics.track'].followUp['zh-CN'])).toBe(true);
      asked.add(text);
    }
    expect(asked.size).toBe(questions - 1);
    expect(c.onReply(answer('logistics.track'))).toMatchObject({
      kind: 'end',
      reason: 'resolved',
      outcome: { turns: questions, followUps: questions - 1, botResolved: true },
    });
  });

  it('needs turnsMean messages on average against a perfect bot', () => {
    let turns = 0;
    const n = 4000;
    const rng = createRng(17);
    for (let i = 0; i < n; i++) {
      const c = createCustomer(
        rng,
        'product.info',
        { ...behaviour, turnsMean: 3, maxTurns: 1000, humanFirstShare: 0 },
        facts,
        {
          thanksShare: 0,
        },
      );
      const end = play(c, () => answer('product.info')).at(-1);
      if (typeof end !== 'object' || end.kind !== 'end') throw new Error('no end');
      turns += end.outcome.turns;
    }
    // Geometric extra questions with mean 2 have sd ≈ 2.45; 3 standard errors over 4000 ≈ 0.12.
    expect(Math.abs(turns / n - 3)).toBeLessThan(0.12);
  });

  it('supplies the order id, product, size or colour a clarifying reply asks for', () => {
    const c = customer(6, 'order.cancel', plain, { thanksShare: 0 });
    c.first();
    const order = c.truth.slots.order;
    expect(facts.orderIds).toContain(order);
    const supplied = says(c.onReply(clarify('order.cancel', '亲，麻烦提供一下订单号哦')));
    expect(supplied).toContain(order);
    expect(fromTemplates(supplied, FOLLOW_UPS.supplyOrder['zh-CN'])).toBe(true);
    expect(c.onReply(answer('order.cancel'))).toMatchObject({
      kind: 'end',
      reason: 'resolved',
      outcome: { turns: 2, clarifications: 1, failures: 0 },
    });

    const s = customer(8, 'product.size', plain);
    s.first();
    expect(says(s.onReply(clarify('product.size', '请问您的身高体重是多少呢？')))).toContain(
      s.truth.slots.size,
    );
    expect(DEFAULT_SLOT_POOLS.sizes['zh-CN']).toContain(s.truth.slots.size);
    expect(says(s.onReply(clarify('product.size', '想要哪个颜色呢')))).toContain(s.truth.slots.colour);
    expect(DEFAULT_SLOT_POOLS.colours['zh-CN']).toContain(s.truth.slots.colour);

    const e = customer(9, 'product.info', { ...plain, zhShare: 0 });
    e.first();
    expect(says(e.onReply(clarify('product.info', 'Which product are you asking about?')))).toContain(
      e.truth.slots.product,
    );
    expect(['down jacket', 'robot vacuum']).toContain(e.truth.slots.product);
  });

  it('restates the need when a right-intent clarification asks for nothing it can name', () => {
    const c = customer(10, 'promo.rules', plain);
    const opening = c.first().text;
    const restated = says(c.onReply(clarify('promo.rules', '您具体想了解哪方面呢？')));
    expect(restated).not.toBe(opening);
    expect(c.counters).toMatchObject({ rephrases: 1, clarifications: 1, failures: 0 });
  });

  it('counts a clarification past its tolerance as a failure', () => {
    const c = customer(11, 'order.status', plain, { clarificationsTolerated: 2 });
    c.first();
    says(c.onReply(clarify('order.status', '请提供订单号')));
    says(c.onReply(clarify('order.status', '请再提供一下订单号')));
    says(c.onReply(clarify('order.status', '请提供订单号')));
    expect(c.counters).toMatchObject({ clarifications: 2, failures: 1, rephrases: 1 });
  });

  it('rephrases after wrong answers, then asks for a human, then asks again, then leaves', () => {
    const c = customer(12, 'logistics.exception', plain, { askHumanShare: 1, rephrasePrefixShare: 1 });
    const opening = c.first().text;
    const book = PHRASEBOOK['logistics.exception'].opening['zh-CN'];
    const first = says(c.onReply(answer('logistics.track')));
    const prefix = FOLLOW_UPS.rephrase['zh-CN'].find((p) => first.startsWith(p));
    expect(prefix).toBeDefined();
    expect(fromTemplates(first.slice(prefix?.length), book)).toBe(true);
    expect(first.slice(prefix?.length)).not.toBe(opening);
    const second = says(c.onReply(answer('logistics.track', false)));
    const impatience = FOLLOW_UPS.impatience['zh-CN'].find((p) => second.startsWith(`${p} `));
    expect(impatience).toBeDefined();
    expect(fromTemplates(second.slice((impatience?.length ?? 0) + 1), book)).toBe(true);
    const human = says(c.onReply(answer('other', false)));
    expect(FOLLOW_UPS.askHuman['zh-CN'].some((a) => human.endsWith(a))).toBe(true);
    expect(FOLLOW_UPS.askHumanAgain['zh-CN']).toContain(
      says(c.onReply(answer('logistics.exception', false))),
    );
    expect(c.onReply(answer('greeting'))).toEqual({
      kind: 'end',
      reason: 'abandoned',
      outcome: {
        turns: 5,
        rephrases: 2,
        clarifications: 0,
        followUps: 0,
        failures: 5,
        humanRequests: 2,
        botResolved: false,
        angry: true,
      },
    });
  });

  it('rephrases in English with a spaced prefix', () => {
    const c = customer(12, 'aftersale.return', { ...plain, zhShare: 0 }, { rephrasePrefixShare: 1 });
    c.first();
    const text = says(c.onReply(answer('aftersale.refund')));
    const prefix = FOLLOW_UPS.rephrase['en-US'].find((p) => text.startsWith(`${p} `));
    expect(prefix).toBeDefined();
    expect(
      fromTemplates(text.slice((prefix?.length ?? 0) + 1), PHRASEBOOK['aftersale.return'].opening['en-US']),
    ).toBe(true);
  });

  it('leaves without asking for a human when it is the leaving kind', () => {
    const c = customer(12, 'logistics.exception', plain, { askHumanShare: 0 });
    c.first();
    says(c.onReply(answer('other', false)));
    says(c.onReply(answer('other', false)));
    expect(c.onReply(answer('other', false))).toMatchObject({
      kind: 'end',
      reason: 'abandoned',
      outcome: { turns: 3, rephrases: 2, failures: 3, humanRequests: 0, angry: true },
    });
  });

  it('escalates after one rephrase when angry from the start', () => {
    const c = customer(13, 'payment.issue', { ...plain, angerShare: 1 }, { askHumanShare: 1 });
    c.first();
    says(c.onReply(answer('other', false)));
    const human = says(c.onReply(answer('other', false)));
    expect(FOLLOW_UPS.askHuman['zh-CN'].some((a) => human.endsWith(a))).toBe(true);
    expect(c.counters).toMatchObject({ rephrases: 1, failures: 2, humanRequests: 1 });
  });

  it('counts a right intent left unresolved as a failure', () => {
    const c = customer(14, 'aftersale.refund', plain);
    c.first();
    says(c.onReply(answer('aftersale.refund', false)));
    expect(c.counters).toMatchObject({ failures: 1, rephrases: 1 });
  });

  it('accepts a resolving answer even after asking for a human', () => {
    const c = customer(12, 'logistics.exception', plain, { askHumanShare: 1, thanksShare: 0 });
    c.first();
    says(c.onReply(answer('other', false)));
    says(c.onReply(answer('other', false)));
    says(c.onReply(answer('other', false)));
    expect(c.onReply(answer('logistics.exception'))).toMatchObject({
      kind: 'end',
      reason: 'resolved',
      outcome: { botResolved: true, humanRequests: 1 },
    });
  });

  it('ends handoff_accepted on a hand-off at any turn', () => {
    for (const turnsBefore of [0, 1, 2, 3]) {
      const c = customer(15, 'complaint', plain, { askHumanShare: 1 });
      c.first();
      for (let i = 0; i < turnsBefore; i++) says(c.onReply(answer('other', false)));
      expect(c.onReply(handoff)).toMatchObject({
        kind: 'end',
        reason: 'handoff_accepted',
        outcome: { turns: turnsBefore + 1, botResolved: false },
      });
    }
  });

  it('wants only a human when its need is a human', () => {
    const c = customer(16, 'human.request', plain);
    expect(PHRASEBOOK['human.request'].opening['zh-CN']).toContain(c.first().text);
    expect(FOLLOW_UPS.askHumanAgain['zh-CN']).toContain(says(c.onReply(answer('human.request'))));
    expect(c.onReply(clarify('greeting', '请问有什么可以帮您'))).toMatchObject({
      kind: 'end',
      reason: 'abandoned',
      outcome: { turns: 2, humanRequests: 2, failures: 2 },
    });
  });

  it('leaves at once when told its out-of-scope question is out of scope', () => {
    const c = customer(17, 'other', plain);
    c.first();
    expect(c.onReply(answer('other', false))).toMatchObject({
      kind: 'end',
      reason: 'abandoned',
      outcome: { turns: 1, failures: 0, rephrases: 0 },
    });
  });

  it('never sends more than maxTurns messages', () => {
    const c = customer(18, 'invoice', { ...plain, maxTurns: 2 });
    c.first();
    says(c.onReply(answer('other', false)));
    expect(c.onReply(answer('other', false))).toMatchObject({
      kind: 'end',
      reason: 'abandoned',
      outcome: { turns: 2, failures: 2 },
    });
    const r = customer(19, 'invoice', { ...plain, turnsMean: 50, maxTurns: 3 }, { thanksShare: 1 });
    r.first();
    says(r.onReply(answer('invoice')));
    says(r.onReply(answer('invoice')));
    expect(r.onReply(answer('invoice'))).toMatchObject({
      kind: 'end',
      reason: 'resolved',
      outcome: { turns: 3, followUps: 2, botResolved: false },
    });
  });

  it('draws think times from the behaviour, unscaled ms', () => {
    const times: number[] = [];
    const rng = createRng(21);
    while (times.length < 20_000) {
      const c = createCustomer(
        rng,
        'greeting',
        { ...behaviour, thinkTimeMedianSec: 8, thinkTimeP90Sec: 30 },
        facts,
      );
      c.first();
      const step = c.onReply(answer('other', false));
      if (step.kind === 'say') times.push(step.thinkMs);
    }
    times.sort((a, b) => a - b);
    const median = times[10_000] ?? 0;
    const p90 = times[18_000] ?? 0;
    expect(median).toBeGreaterThan(7_760);
    expect(median).toBeLessThan(8_240);
    expect(p90).toBeGreaterThan(28_800);
    expect(p90).toBeLessThan(31_200);
  });

  it('draws patience as an exponential with the behaviour mean', () => {
    const c = customer(22, 'greeting', { ...plain, patienceSec: 45 });
    let sum = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) sum += c.patienceMs();
    // Exponential sd equals its mean: 3 standard errors over 20k draws ≈ 2.1%.
    expect(Math.abs(sum / n - 45_000)).toBeLessThan(950);
  });

  it('refuses calls out of order, with a message that says which', () => {
    const c = customer(23, 'greeting', plain, { thanksShare: 0 });
    expect(() => c.onReply(answer('greeting'))).toThrow('customer.onReply() called before first()');
    c.first();
    expect(() => c.first()).toThrow('customer.first() was already called');
    c.onReply(answer('greeting'));
    expect(() => c.onReply(answer('greeting'))).toThrow(
      'customer.onReply() called after the conversation ended',
    );
  });

  it('is what the load engine drives', () => {
    const sim: SimCustomer = customer(24, 'order.status', plain);
    expect(sim.first().locale).toBe('zh-CN');
  });
});
