import type { IntentId } from '../../../server/bot/types.ts';
import { aftersalePriceProtect, aftersaleRefund, aftersaleReturn } from './aftersale.ts';
import { complaint, greeting, humanRequest, other } from './chat.ts';
import type { IntentPhrases } from './intent-phrases.ts';
import { logisticsException, logisticsTrack } from './logistics.ts';
import { orderCancel, orderModify, orderPlace, orderStatus } from './order.ts';
import { account, invoice, paymentIssue } from './payment-account.ts';
import {
  productInfo,
  productRecommend,
  productSize,
  productStock,
  promoCouponIssue,
  promoRules,
} from './presale.ts';

/** What simulated customers write for each intent of the bot taxonomy, in both languages. */
export const PHRASEBOOK: Readonly<Record<IntentId, IntentPhrases>> = {
  greeting,
  'product.info': productInfo,
  'product.stock': productStock,
  'product.size': productSize,
  'product.recommend': productRecommend,
  'promo.rules': promoRules,
  'promo.coupon_issue': promoCouponIssue,
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
  complaint,
  'human.request': humanRequest,
  other,
};
