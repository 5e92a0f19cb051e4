// Order and parcel answers computed from an order's payment state and its logistics events up to `now`.
import { DAY_MS, formatCst } from '../data/clock.ts';
import { CARRIER_NAMES, type LogisticsEvent, type Order } from '../data/orders.ts';
import { type AnswerContext, answer, type Lang, type Outcome, pick, yuan } from './answer-context.ts';
import { maskPersonalData } from './mask.ts';

const STALL_MS = 2 * DAY_MS;

export type OrderPhase =
  | 'unpaid'
  | 'cancelled'
  | 'awaiting_shipment'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'stalled';

export function lastEvent(order: Order, now: number): LogisticsEvent | undefined {
  let last: LogisticsEvent | undefined;
  for (const e of order.events) if (e.at <= now) last = e;
  return last;
}

/** Where an order stands at `now`. */
export function orderPhase(order: Order, now: number): OrderPhase {
  if (order.cancelledAt !== undefined && order.cancelledAt <= now) return 'cancelled';
  if (order.paidAt === undefined) return 'unpaid';
  const last = lastEvent(order, now);
  if (last === undefined) return 'awaiting_shipment';
  if (last.kind === 'delivered') return 'delivered';
  if (now - last.at > STALL_MS) return 'stalled';
  return last.kind === 'out_for_delivery' ? 'out_for_delivery' : 'in_transit';
}

const EVENT_TEXT: Record<LogisticsEvent['kind'], { zh: string; en: string }> = {
  shipped: { zh: '已揽收', en: 'picked up' },
  departed_hub: { zh: '已从转运中心发出', en: 'left the hub' },
  arrived_hub: { zh: '已到达转运中心', en: 'arrived at the hub' },
  out_for_delivery: { zh: '派送中', en: 'out for delivery' },
  delivered: { zh: '已签收', en: 'delivered' },
};

function eventLine(e: LogisticsEvent, lang: Lang): string {
  return lang === 'zh'
    ? `${formatCst(e.at, 'zh')} ${e.city.zh}${EVENT_TEXT[e.kind].zh}`
    : `${formatCst(e.at, 'en')} ${EVENT_TEXT[e.kind].en} in ${e.city.en}`;
}

function findOrder(ctx: AnswerContext): Order | 'missing' | 'unknown' {
  const id = ctx.memory.orderId;
  if (id === undefined) return 'missing';
  return ctx.store.orders.get(id) ?? 'unknown';
}

function unknownOrder(ctx: AnswerContext): Outcome {
  return answer(
    pick(
      ctx.lang,
      `没有查到订单${ctx.memory.orderId}，请核对订单号（E开头17位）。`,
      `I can't find order ${ctx.memory.orderId}; please check the id (E followed by 16 digits).`,
    ),
    false,
  );
}

function withOrder(ctx: AnswerContext, generic: string, body: (order: Order) => Outcome): Outcome {
  const o = findOrder(ctx);
  if (o === 'missing')
    return ctx.asked.includes('orderId') ? answer(generic, false) : { kind: 'need', slot: 'orderId' };
  if (o === 'unknown') return unknownOrder(ctx);
  return body(o);
}

export function orderStatus(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  return withOrder(
    ctx,
    pick(
      lang,
      '订单状态可在“我的订单”里查看；付款后一般48小时内发货。',
      'You can see the status under "My orders"; paid orders ship within 48 hours.',
    ),
    (o) => {
      const phase = orderPhase(o, now);
      const carrier = CARRIER_NAMES[o.carrier][lang];
      const first = o.events[0];
      const last = lastEvent(o, now);
      const texts: Record<OrderPhase, [string, string]> = {
        unpaid: [
          `订单${o.id}待付款，金额${yuan(o.total)}，下单30分钟内未付款会自动关闭。`,
          `Order ${o.id} is awaiting payment of ${yuan(o.total)}; unpaid orders close after 30 minutes.`,
        ],
        cancelled: [
          `订单${o.id}已取消，${yuan(o.refund.amount)}已原路退回。`,
          `Order ${o.id} was cancelled and ${yuan(o.refund.amount)} refunded to the original payment.`,
        ],
        awaiting_shipment: [
          `订单${o.id}已付款，正在备货，预计${first ? formatCst(first.at, 'zh') : '48小时内'}前由${carrier}发出。`,
          `Order ${o.id} is paid and being packed; ${carrier} should pick it up by ${first ? formatCst(first.at, 'en') : 'within 48 hours'}.`,
        ],
        in_transit: [
          `订单${o.id}已发货（${carrier}），最新：${last ? eventLine(last, 'zh') : ''}。`,
          `Order ${o.id} has shipped with ${carrier}; latest: ${last ? eventLine(last, 'en') : ''}.`,
        ],
        out_for_delivery: [`订单${o.id}正在派送，今天送达。`, `Order ${o.id} is out for delivery today.`],
        delivered: [
          `订单${o.id}已于${last ? formatCst(last.at, 'zh') : ''}签收。`,
          `Order ${o.id} was delivered on ${last ? formatCst(last.at, 'en') : ''}.`,
        ],
        stalled: [
          `订单${o.id}物流已超过48小时未更新，已为您登记催查。`,
          `Order ${o.id} has had no tracking update for over 48 hours; I have filed a trace with the carrier.`,
        ],
      };
      return answer(texts[phase][lang === 'zh' ? 0 : 1]);
    },
  );
}

export function orderCancel(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  return withOrder(
    ctx,
    pick(
      lang,
      '未发货的订单可在“我的订单”里点“取消订单”，款项1-3个工作日原路退回。',
      'Unshipped orders can be cancelled under "My orders"; the money returns in 1–3 working days.',
    ),
    (o) => {
      const phase = orderPhase(o, now);
      if (phase === 'cancelled')
        return answer(
          pick(
            lang,
            `订单${o.id}已经取消过了，退款${yuan(o.refund.amount)}已退回。`,
            `Order ${o.id} is already cancelled; ${yuan(o.refund.amount)} was refunded.`,
          ),
        );
      if (phase === 'unpaid')
        return answer(
          pick(
            lang,
            `订单${o.id}未付款，已为您取消，无需任何费用。`,
            `Order ${o.id} was unpaid and is now cancelled at no cost.`,
          ),
        );
      if (phase === 'awaiting_shipment') {
        return answer(
          pick(
            lang,
            `订单${o.id}还没发货，已为您提交取消，${yuan(o.total)}将在1-3个工作日原路退回。`,
            `Order ${o.id} has not shipped, so I have cancelled it; ${yuan(o.total)} goes back to your payment method in 1–3 working days.`,
          ),
        );
      }
      return answer(
        pick(
          lang,
          `订单${o.id}已发货，无法直接取消。可以拒收，或签收后申请七天无理由退货。`,
          `Order ${o.id} has already shipped and can't be cancelled; refuse the delivery or return it within 7 days after delivery.`,
        ),
      );
    },
  );
}

export function orderModify(ctx: AnswerContext): Outcome {
  const { lang, now, text } = ctx;
  return withOrder(
    ctx,
    pick(
      lang,
      '发货前可在订单详情里点“修改地址”；已发货只能联系快递改派。',
      'Before shipping you can change the address in the order details; after shipping only the carrier can redirect.',
    ),
    (o) => {
      const phase = orderPhase(o, now);
      if (phase === 'unpaid' || phase === 'awaiting_shipment') {
        const masked = maskPersonalData(text);
        const newAddress =
          masked !== text ? pick(lang, `，新信息：${masked}`, `; new details: ${masked}`) : '';
        return answer(
          pick(
            lang,
            `订单${o.id}还没发货，可以修改${newAddress}。请在订单详情点“修改地址/规格”确认。`,
            `Order ${o.id} hasn't shipped, so it can still be changed${newAddress}. Confirm under "Edit address/variant" in the order details.`,
          ),
        );
      }
      if (phase === 'cancelled')
        return answer(
          pick(
            lang,
            `订单${o.id}已取消，无法修改，请重新下单。`,
            `Order ${o.id} is cancelled; please place a new order.`,
          ),
        );
      return answer(
        pick(
          lang,
          `订单${o.id}已由${CARRIER_NAMES[o.carrier].zh}发出，不能再改地址或规格，可致电快递申请改派（运单${o.trackingNo}）。`,
          `Order ${o.id} has shipped with ${CARRIER_NAMES[o.carrier].en} and can't be changed; ask the carrier to redirect (tracking ${o.trackingNo}).`,
        ),
      );
    },
  );
}

export function logisticsTrack(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  return withOrder(
    ctx,
    pick(
      lang,
      '物流信息在订单详情的“查看物流”里，发货后一般2-4天送达。',
      'Tracking is under "View logistics" in the order; delivery usually takes 2–4 days after shipping.',
    ),
    (o) => {
      const phase = orderPhase(o, now);
      const carrier = CARRIER_NAMES[o.carrier][lang];
      const last = lastEvent(o, now);
      if (phase === 'unpaid' || phase === 'cancelled' || phase === 'awaiting_shipment' || last === undefined)
        return orderStatus(ctx);
      if (phase === 'delivered')
        return answer(
          pick(
            lang,
            `${carrier}运单${o.trackingNo}：${eventLine(last, 'zh')}。`,
            `${carrier} ${o.trackingNo}: ${eventLine(last, 'en')}.`,
          ),
        );
      if (phase === 'stalled') return logisticsException(ctx);
      const eta = Math.max(o.expectedDelivery, now);
      return answer(
        pick(
          lang,
          `${carrier}运单${o.trackingNo}：${eventLine(last, 'zh')}，预计${formatCst(eta, 'zh')}前送达。`,
          `${carrier} ${o.trackingNo}: ${eventLine(last, 'en')}; expected by ${formatCst(eta, 'en')} (China time).`,
        ),
      );
    },
  );
}

const DAMAGE =
  /破损|摔坏|压坏|坏了|碎了|漏液|少件|少发|漏发|缺件|发错|错发|空包|damaged|broken|crushed|smashed|leak|missing|wrong item|empty box/i;

export function logisticsException(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  if (DAMAGE.test(ctx.text)) {
    return {
      kind: 'policy',
      text: pick(
        lang,
        '破损、少件或错发需要售后专员核实照片后处理，正在为您转接。',
        'Damaged, missing or wrong items need an after-sales agent to check photos; transferring you now.',
      ),
      queue: 'aftersale',
    };
  }
  return withOrder(
    ctx,
    pick(
      lang,
      '物流超过48小时不更新可以在订单里点“催物流”，我们会联系快递核查。',
      'If tracking stops for over 48 hours, tap "Chase delivery" in the order and we will contact the carrier.',
    ),
    (o) => {
      const phase = orderPhase(o, now);
      const last = lastEvent(o, now);
      const carrier = CARRIER_NAMES[o.carrier][lang];
      if (phase === 'stalled' && last !== undefined) {
        const hours = Math.floor((now - last.at) / 3600_000);
        return answer(
          pick(
            lang,
            `运单${o.trackingNo}自${eventLine(last, 'zh')}后已${hours}小时没有更新，已向${carrier}发起催查，24小时内反馈；若确认丢件将全额退款。`,
            `${o.trackingNo} has not moved for ${hours} hours since "${eventLine(last, 'en')}". I have opened a trace with ${carrier} (reply within 24 h); if it is lost you get a full refund.`,
          ),
        );
      }
      if (phase === 'delivered' && last !== undefined) {
        return answer(
          pick(
            lang,
            `系统显示${eventLine(last, 'zh')}。请先查看驿站、快递柜或问问家人；24小时内仍找不到我们会联系${carrier}核实签收。`,
            `It shows ${eventLine(last, 'en')}. Please check the locker, pickup point or family; if it is still missing in 24 hours we will have ${carrier} verify the signature.`,
          ),
        );
      }
      if (last === undefined) return orderStatus(ctx);
      return answer(
        pick(
          lang,
          `运单${o.trackingNo}运输正常，最新：${eventLine(last, 'zh')}，预计${formatCst(Math.max(o.expectedDelivery, now), 'zh')}前送达。`,
          `${o.trackingNo} is moving normally; latest: ${eventLine(last, 'en')}, expected by ${formatCst(Math.max(o.expectedDelivery, now), 'en')}.`,
        ),
      );
    },
  );
}
