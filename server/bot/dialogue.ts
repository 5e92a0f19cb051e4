// The dialogue policy: context across turns, slot filling, hand-off rules, and answers from the store.
import type { Store } from '../data/store.ts';
import { isAngry, squash } from './anger.ts';
import {
  type AnswerContext,
  type Lang,
  type Memory,
  type Outcome,
  pick,
  type SlotName,
} from './answer-context.ts';
import {
  account,
  aftersalePriceProtect,
  aftersaleRefund,
  aftersaleReturn,
  invoice,
  paymentIssue,
} from './answers-aftersale.ts';
import {
  logisticsException,
  logisticsTrack,
  orderCancel,
  orderModify,
  orderStatus,
} from './answers-order.ts';
import {
  couponIssue,
  orderPlace,
  productInfo,
  productRecommend,
  productSize,
  productStock,
  promoRules,
} from './answers-presale.ts';
import type { Classifier } from './classifier.ts';
import { maskPersonalData } from './mask.ts';
import { extractSlots, type Slots } from './slots.ts';
import {
  type BotReply,
  type HandoffReason,
  INTENT_QUEUE,
  INTENTS,
  type IntentId,
  type Locale,
  type Queue,
  type Session,
} from './types.ts';

export interface PolicyOptions {
  /** Below this calibrated confidence the bot asks what was meant, then hands off. @default 0.4 */
  lowConfidence?: number;
  /** A message that fills the slot asked for keeps the pending intent unless classified above this. @default 0.85 */
  switchConfidence?: number;
}

const defaults: Required<PolicyOptions> = { lowConfidence: 0.4, switchConfidence: 0.85 };

export interface DialogueState {
  turns: number;
  lang: Lang;
  queue: Queue | null;
  memory: Memory;
  pending?: { intent: IntentId; slot: SlotName };
  /** Per intent, the slots asked for once already. */
  asked: Partial<Record<IntentId, SlotName[]>>;
  unresolved: Partial<Record<IntentId, number>>;
  lowConfidenceAsked: boolean;
  /** The previous message without spaces, punctuation and case (`squash`), to spot it sent again. */
  lastSquashed?: string;
  /** How many messages in a row were the same text as the one before. */
  repeats: number;
}

type Answerer = (ctx: AnswerContext) => Outcome;

const ANSWERERS: Partial<Record<IntentId, Answerer>> = {
  'product.info': productInfo,
  'product.stock': productStock,
  'product.size': productSize,
  'product.recommend': productRecommend,
  'promo.rules': promoRules,
  'promo.coupon_issue': couponIssue,
  'order.place': orderPlace,
  'order.status': orderStatus,
  'order.cancel': orderCancel,
  'order.modify': orderModify,
  'logistics.track': logisticsTrack,
  'logistics.exception': logisticsException,
  'aftersale.return': aftersaleReturn,
  'aftersale.refund': aftersaleRefund,
  'aftersale.price_protect': aftersalePriceProtect,
  'payment.issue': paymentIssue,
  invoice,
  account,
};

const INTENT_LABEL: Record<IntentId, [string, string]> = {
  greeting: ['打招呼', 'saying hello'],
  'product.info': ['商品信息', 'product details'],
  'product.stock': ['库存', 'stock'],
  'product.size': ['尺码', 'sizing'],
  'product.recommend': ['商品推荐', 'recommendations'],
  'promo.rules': ['活动规则和到手价', 'promotion rules and prices'],
  'promo.coupon_issue': ['优惠券问题', 'a coupon problem'],
  'order.place': ['下单', 'placing an order'],
  'order.status': ['订单状态', 'order status'],
  'order.cancel': ['取消订单', 'cancelling an order'],
  'order.modify': ['修改订单', 'changing an order'],
  'logistics.track': ['物流查询', 'tracking a parcel'],
  'logistics.exception': ['物流异常', 'a delivery problem'],
  'aftersale.return': ['退换货', 'returns and exchanges'],
  'aftersale.refund': ['退款', 'a refund'],
  'aftersale.price_protect': ['价保', 'price protection'],
  'payment.issue': ['支付问题', 'a payment problem'],
  invoice: ['发票', 'an invoice'],
  account: ['账户问题', 'your account'],
  complaint: ['投诉', 'a complaint'],
  'human.request': ['转人工', 'a human agent'],
  other: ['其他', 'something else'],
};

const CLARIFY: Record<SlotName, [string, string]> = {
  orderId: [
    '请提供一下订单号（E开头，如E2026111100012345），我马上帮您查。',
    'Could you give me the order id (starts with E, like E2026111100012345)? I will check right away.',
  ],
  product: [
    '请问是哪件商品呢？发一下商品名称就可以。',
    'Which product do you mean? The product name is enough.',
  ],
  body: [
    '请告诉我您的身高和体重（鞋子请告诉我脚长），我来推荐尺码。',
    'Tell me your height and weight (or foot length for shoes) and I will suggest a size.',
  ],
};

const NONE_ASKED: readonly SlotName[] = [];

const ASKS_FOR_HUMAN =
  /转人工|人工客服|找人工|要人工|真人客服|\b(?:human|live agent|real person|representative)\b/i;
const CJK = /[\u3400-\u9fff]/;
const LATIN_WORD = /[A-Za-z]{2,}/;
const ORDER_LIKE = /[Ee]?\d{10,}/g;

export function detectLang(text: string, fallback: Lang): Lang {
  if (CJK.test(text)) return 'zh';
  if (LATIN_WORD.test(text.replace(ORDER_LIKE, ''))) return 'en';
  return fallback;
}

function remember(memory: Memory, slots: Slots): void {
  if (slots.orderId !== undefined) memory.orderId = slots.orderId;
  if (slots.skus.length > 0) memory.skus = slots.skus;
  if (slots.size !== undefined) memory.size = slots.size;
  if (slots.colour !== undefined) memory.colour = slots.colour;
  if (slots.amount !== undefined) memory.amount = slots.amount;
  if (slots.heightCm !== undefined) memory.heightCm = slots.heightCm;
  if (slots.weightKg !== undefined) memory.weightKg = slots.weightKg;
  if (slots.footCm !== undefined) memory.footCm = slots.footCm;
  if (slots.quantity !== undefined) memory.quantity = slots.quantity;
}

function fills(slot: SlotName, slots: Slots): boolean {
  if (slot === 'orderId') return slots.orderId !== undefined;
  if (slot === 'product') return slots.skus.length > 0;
  return (
    slots.heightCm !== undefined ||
    slots.weightKg !== undefined ||
    slots.footCm !== undefined ||
    slots.size !== undefined
  );
}

function greetingText(text: string, lang: Lang): string {
  if (/谢|感谢|多谢|辛苦|thank|thx|\bty\b|cheers|appreciate|3q/i.test(text))
    return pick(lang, '不客气，很高兴能帮到您！', "You're welcome, glad to help!");
  if (/再见|拜拜|88|没事了|没有别的|就这样|bye|see you|that'?s all|nice day/i.test(text))
    return pick(lang, '好的，祝您购物愉快，再见！', 'Happy shopping, goodbye!');
  if (/机器人|真人|ai|自动回复|bot|robot|human|real person/i.test(text))
    return pick(
      lang,
      '我是智能客服小桃，可以查订单、物流、价保和活动规则；需要人工随时说“转人工”。',
      'I\'m the shop\'s assistant bot: I can check orders, parcels, price protection and promotions. Say "human" any time for a person.',
    );
  return pick(
    lang,
    '您好，我是智能客服小桃，请问有什么可以帮您？',
    "Hi, I'm the shop's assistant. How can I help?",
  );
}

export interface Dialogue {
  createState(locale?: Locale): DialogueState;
  handle(session: Session, text: string, now: number): BotReply;
}

/** The policy over a store and a classifier. */
export function createDialogue(store: Store, classifier: Classifier, options: PolicyOptions = {}): Dialogue {
  const opts = { ...defaults, ...options } satisfies Required<PolicyOptions>;

  const createState = (locale?: Locale): DialogueState => ({
    turns: 0,
    lang: locale === 'en-US' ? 'en' : 'zh',
    queue: null,
    memory: { skus: [] },
    asked: {},
    unresolved: {},
    lowConfidenceAsked: false,
    repeats: 0,
  });

  function handle(session: Session, text: string, now: number): BotReply {
    const state = (session.state as DialogueState | undefined) ?? createState(session.locale);
    session.state = state;
    state.turns++;
    const lang = detectLang(text, session.locale === 'en-US' && state.turns === 1 ? 'en' : state.lang);
    state.lang = lang;
    const slots = extractSlots(text);
    remember(state.memory, slots);
    const top = classifier.classify(text);
    let intent: IntentId = top.intent;
    let confidence = top.confidence;
    const pending = state.pending;
    let fromContext = false;
    const answersPending =
      pending !== undefined &&
      (fills(pending.slot, slots)
        ? intent === pending.intent || confidence < opts.switchConfidence
        : confidence < opts.lowConfidence && intent !== 'human.request' && intent !== 'complaint');
    if (pending !== undefined && answersPending) {
      intent = pending.intent;
      fromContext = true;
      if (top.intent !== pending.intent)
        confidence = Math.max(
          opts.lowConfidence,
          (classifier.probabilities(text)[INTENTS.indexOf(intent)] as number) + 0.5 * (1 - confidence),
        );
    }
    const squashed = squash(text);
    state.repeats = state.lastSquashed === squashed ? state.repeats + 1 : 0;
    state.lastSquashed = squashed;

    // No closures here: under tsx every named closure costs a `__name` call per message (keepNames).
    const turn: Turn = { state, intent, confidence, lang };
    if ((intent === 'human.request' && confidence >= opts.lowConfidence) || ASKS_FOR_HUMAN.test(text)) {
      return handoffReply(turn, state.queue ?? INTENT_QUEUE[intent] ?? 'presale', 'request');
    }
    if (isAngry(text) || state.repeats >= 2) {
      return handoffReply(
        turn,
        intent === 'complaint' ? 'complaints' : (INTENT_QUEUE[intent] ?? state.queue ?? 'presale'),
        'anger',
        pick(
          lang,
          '非常抱歉给您带来不好的体验，正在为您优先转接人工客服。',
          'I am very sorry about this. Putting you through to a person with priority.',
        ),
      );
    }
    if (!fromContext && confidence < opts.lowConfidence) {
      if (state.lowConfidenceAsked) return handoffReply(turn, conversationQueue(turn), 'low_confidence');
      state.lowConfidenceAsked = true;
      const [zh, en] = INTENT_LABEL[intent];
      return reply(
        turn,
        pick(
          lang,
          `抱歉没太理解，您是想咨询${zh}吗？可以再具体描述一下。`,
          `Sorry, I'm not sure I follow. Is this about ${en}? Could you tell me a bit more?`,
        ),
        'clarify',
        false,
      );
    }
    if (intent === 'greeting') return reply(turn, greetingText(text, lang), 'answer', true);
    if (intent === 'other') {
      return reply(
        turn,
        pick(
          lang,
          '抱歉，这个问题我帮不上忙。我可以查订单、物流、退换货、价保和活动规则。',
          "Sorry, I can't help with that. I can check orders, parcels, returns, price protection and promotions.",
        ),
        'answer',
        false,
      );
    }
    if (intent === 'complaint') {
      return handoffReply(
        turn,
        'complaints',
        'policy',
        pick(
          lang,
          '您的投诉已记录，正在转接投诉专员处理。',
          'Your complaint is recorded; transferring you to our complaints team.',
        ),
      );
    }
    if ((state.unresolved[intent] ?? 0) >= 2)
      return handoffReply(turn, INTENT_QUEUE[intent] ?? conversationQueue(turn), 'repeat');

    const answerer = ANSWERERS[intent] as Answerer;
    const ctx: AnswerContext = {
      store,
      memory: state.memory,
      text,
      now,
      lang,
      asked: state.asked[intent] ?? NONE_ASKED,
    };
    const outcome = answerer(ctx);
    if (outcome.kind === 'need') {
      const asked = state.asked[intent];
      if (asked === undefined) state.asked[intent] = [outcome.slot];
      else asked.push(outcome.slot);
      const r = reply(turn, pick(lang, ...CLARIFY[outcome.slot]), 'clarify', false);
      state.pending = { intent, slot: outcome.slot };
      return r;
    }
    if (outcome.kind === 'policy')
      return handoffReply(turn, outcome.queue ?? INTENT_QUEUE[intent] ?? 'aftersale', 'policy', outcome.text);
    return reply(turn, outcome.text, 'answer', outcome.resolved);
  }

  return { createState, handle };
}

/** What a reply of this turn needs. */
interface Turn {
  state: DialogueState;
  intent: IntentId;
  confidence: number;
  lang: Lang;
}

function reply(
  turn: Turn,
  body: string,
  action: BotReply['action'],
  resolved: boolean,
  handoff?: { queue: Queue; reason: HandoffReason },
): BotReply {
  const { state, intent } = turn;
  const q = INTENT_QUEUE[intent];
  if (q !== null) state.queue = q;
  if (resolved) {
    state.unresolved[intent] = 0;
    state.pending = undefined;
    state.lowConfidenceAsked = false;
  } else if (action !== 'handoff') {
    state.unresolved[intent] = (state.unresolved[intent] ?? 0) + 1;
  }
  const out: BotReply = {
    text: maskPersonalData(body),
    intent,
    confidence: round3(turn.confidence),
    action,
    resolved,
  };
  if (handoff !== undefined) {
    out.handoff = handoff;
    state.pending = undefined;
  }
  return out;
}

function conversationQueue(turn: Turn): Queue {
  return turn.state.queue ?? INTENT_QUEUE[turn.intent] ?? 'presale';
}

function handoffReply(turn: Turn, queue: Queue, reason: HandoffReason, body?: string): BotReply {
  return reply(
    turn,
    body ??
      pick(
        turn.lang,
        '正在为您转接人工客服，请稍候。',
        'Connecting you to a human agent, one moment please.',
      ),
    'handoff',
    false,
    { queue, reason },
  );
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
