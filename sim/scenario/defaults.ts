// Defaults every scenario starts from; a scenario overrides any field. Typed once here.
import type { IntentId, Queue } from '../../server/bot/types.ts';
import type { CustomerBehaviour } from '../customers/types.ts';
import type { StaffingInput } from './schema.ts';

/** @default 'Asia/Shanghai' */
export const DEFAULT_TIMEZONE = 'Asia/Shanghai';

/** @default 'base' */
export const DEFAULT_BASE_PHASE = 'base';

/**
 * Relative weights of an ordinary (non-promotion) day on a large marketplace: logistics tracking and
 * product questions lead, after-sales next. Illustrative, chosen to fit the bot taxonomy.
 */
export const DEFAULT_MIX = {
  greeting: 4,
  'product.info': 10,
  'product.stock': 5,
  'product.size': 5,
  'product.recommend': 3,
  'promo.rules': 6,
  'promo.coupon_issue': 3,
  'order.place': 3,
  'order.status': 7,
  'order.cancel': 3,
  'order.modify': 3,
  'logistics.track': 14,
  'logistics.exception': 4,
  'aftersale.return': 7,
  'aftersale.refund': 6,
  'aftersale.price_protect': 2,
  'payment.issue': 3,
  invoice: 2,
  account: 2,
  complaint: 2,
  'human.request': 3,
  other: 3,
} as const satisfies Record<IntentId, number>;

/** @default see fields */
export const DEFAULT_BEHAVIOUR = {
  /** @default 3 */
  turnsMean: 3,
  /** @default 12 */
  maxTurns: 12,
  /** @default 10 */
  thinkTimeMedianSec: 10,
  /** @default 35 */
  thinkTimeP90Sec: 35,
  /** @default 60 */
  patienceSec: 60,
  /** @default 0.05 */
  angerShare: 0.05,
  /** @default 0.97 */
  zhShare: 0.97,
  /** @default 0.04 */
  humanFirstShare: 0.04,
} as const satisfies CustomerBehaviour;

/**
 * Assumed share of each intent's conversations the bot resolves without a human. Overall about 0.75 on
 * DEFAULT_MIX, in line with the ~75% of Alibaba's online consultations handled by its chatbots
 * (Management and Business Review, "The Alibaba Challenge", 2021).
 */
export const DEFAULT_BOT_RESOLUTION = {
  greeting: 0.98,
  'product.info': 0.85,
  'product.stock': 0.9,
  'product.size': 0.75,
  'product.recommend': 0.7,
  'promo.rules': 0.8,
  'promo.coupon_issue': 0.55,
  'order.place': 0.8,
  'order.status': 0.92,
  'order.cancel': 0.75,
  'order.modify': 0.5,
  'logistics.track': 0.93,
  'logistics.exception': 0.45,
  'aftersale.return': 0.65,
  'aftersale.refund': 0.6,
  'aftersale.price_protect': 0.7,
  'payment.issue': 0.45,
  invoice: 0.8,
  account: 0.6,
  complaint: 0.1,
  'human.request': 0,
  other: 0.5,
} as const satisfies Record<IntentId, number>;

/**
 * Chat queues: agents hold several chats at once; complaints one at a time with a longer AHT.
 * Service levels are the usual chat-centre 80/30 (complaints 80/60).
 */
export const DEFAULT_STAFFING = {
  presale: {
    ahtSec: 150,
    concurrency: 3,
    target: { percent: 80, seconds: 30 },
    shrinkage: 0.3,
    maxOccupancy: 0.85,
  },
  logistics: {
    ahtSec: 200,
    concurrency: 3,
    target: { percent: 80, seconds: 30 },
    shrinkage: 0.3,
    maxOccupancy: 0.85,
  },
  aftersale: {
    ahtSec: 360,
    concurrency: 2,
    target: { percent: 80, seconds: 30 },
    shrinkage: 0.3,
    maxOccupancy: 0.85,
  },
  complaints: {
    ahtSec: 600,
    concurrency: 1,
    target: { percent: 80, seconds: 60 },
    shrinkage: 0.3,
    maxOccupancy: 0.8,
  },
} as const satisfies Record<Queue, StaffingInput>;
