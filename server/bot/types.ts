// The contract between the bot brain (pure, server/bot/) and the transports (server/*.ts).
// Intent ids and queues are fixed by ../shared/DESIGN.md ("Intent taxonomy").

export const INTENTS = [
  'greeting',
  'product.info',
  'product.stock',
  'product.size',
  'product.recommend',
  'promo.rules',
  'promo.coupon_issue',
  'order.place',
  'order.status',
  'order.cancel',
  'order.modify',
  'logistics.track',
  'logistics.exception',
  'aftersale.return',
  'aftersale.refund',
  'aftersale.price_protect',
  'payment.issue',
  'invoice',
  'account',
  'complaint',
  'human.request',
  'other',
] as const;
export type IntentId = (typeof INTENTS)[number];

export const QUEUES = ['presale', 'logistics', 'aftersale', 'complaints'] as const;
export type Queue = (typeof QUEUES)[number];

export const HANDOFF_REASONS = ['request', 'anger', 'repeat', 'low_confidence', 'policy'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export type Action = 'answer' | 'clarify' | 'handoff';
export type Locale = 'zh-CN' | 'en-US';

/** What the brain says to one customer message; the transport adds id/conv/serverMicros. */
export interface BotReply {
  text: string;
  intent: IntentId;
  /** Calibrated probability that `intent` is right, 0..1. */
  confidence: number;
  action: Action;
  /** True only when the customer's need was actually answered. */
  resolved: boolean;
  /** Present only when action is 'handoff'. */
  handoff?: { queue: Queue; reason: HandoffReason };
}

/** Per-conversation dialogue state; the transport keeps it opaque and passes it back each turn. */
export interface Session {
  readonly id: string;
  locale?: Locale;
  /** Brain-owned state; transports never read it. */
  state: unknown;
}

export interface Brain {
  /** A fresh conversation context. */
  createSession(id: string, locale?: Locale): Session;
  /** Pure with respect to I/O: answers one customer message, updating `session.state`. `now` is ms since epoch. */
  handleMessage(session: Session, text: string, now: number): BotReply;
  /** Masks phone numbers, ID numbers, emails and addresses (138****1234) for logs and transcripts. */
  mask(text: string): string;
}

/** Handoff queue of each intent group, from DESIGN.md; human.request uses the conversation's queue so far. */
export const INTENT_QUEUE: Record<IntentId, Queue | null> = {
  greeting: null,
  'product.info': 'presale',
  'product.stock': 'presale',
  'product.size': 'presale',
  'product.recommend': 'presale',
  'promo.rules': 'presale',
  'promo.coupon_issue': 'presale',
  'order.place': 'logistics',
  'order.status': 'logistics',
  'order.cancel': 'logistics',
  'order.modify': 'logistics',
  'logistics.track': 'logistics',
  'logistics.exception': 'logistics',
  'aftersale.return': 'aftersale',
  'aftersale.refund': 'aftersale',
  'aftersale.price_protect': 'aftersale',
  'payment.issue': 'aftersale',
  invoice: 'aftersale',
  account: 'aftersale',
  complaint: 'complaints',
  'human.request': null,
  other: null,
};
