// After-sale, payment, invoice and account answers computed from the order and the store's rules.
import { priceProtectVerdict, returnVerdict } from '../data/aftersale-rules.ts';
import { formatCst } from '../data/clock.ts';
import type { Order, OrderItem } from '../data/orders.ts';
import { type AnswerContext, answer, type Outcome, pick, yuan } from './answer-context.ts';
import { orderPhase } from './answers-order.ts';

const DAMAGE =
  /破损|坏了|碎了|摔坏|压坏|质量问题|瑕疵|漏液|不能用|开不了机|damaged|broken|defective|faulty|cracked|doesn'?t work|stopped working/i;
const CATEGORY_ZH: Record<string, string> = { underwear: '贴身衣物', fresh: '生鲜', custom: '定制商品' };

function orderOrAsk(ctx: AnswerContext, generic: string, body: (o: Order) => Outcome): Outcome {
  const id = ctx.memory.orderId;
  if (id === undefined)
    return ctx.asked.includes('orderId') ? answer(generic, false) : { kind: 'need', slot: 'orderId' };
  const o = ctx.store.orders.get(id);
  if (o === undefined) {
    return answer(
      pick(ctx.lang, `没有查到订单${id}，请核对订单号。`, `I can't find order ${id}; please check the id.`),
      false,
    );
  }
  return body(o);
}

export function aftersaleReturn(ctx: AnswerContext): Outcome {
  const { lang, now, store } = ctx;
  if (DAMAGE.test(ctx.text)) {
    return {
      kind: 'policy',
      text: pick(
        lang,
        '质量问题或破损需要售后专员核实后处理（运费由我们承担），正在为您转接。',
        'Quality problems and damage are handled by an after-sales agent (we pay the shipping); transferring you now.',
      ),
    };
  }
  const generic = pick(
    lang,
    `签收后${store.promotions.returnDays}天内、不影响二次销售可无理由退货（贴身衣物、生鲜、定制商品除外），有运费险可免运费。`,
    `Returns without reason are accepted within ${store.promotions.returnDays} days of delivery if resaleable (not underwear, fresh food or customised items); shipping insurance covers the postage.`,
  );
  return orderOrAsk(ctx, generic, (o) => {
    const item: OrderItem =
      o.items.find((it) => ctx.memory.skus.includes(it.sku)) ?? (o.items[0] as OrderItem);
    const product = store.catalog.get(item.sku);
    const pname = product ? (lang === 'zh' ? product.zh : product.en) : item.sku;
    const v = returnVerdict(o, item, store.catalog, now, store.promotions);
    if (v.ok) {
      return answer(
        pick(
          lang,
          `${o.id}的${pname}可以七天无理由退货，请在${formatCst(v.until, 'zh')}前在订单里申请，退货运费由运费险承担。`,
          `The ${pname} in ${o.id} can be returned without reason; apply in the order before ${formatCst(v.until, 'en')} (China time), shipping insurance pays the postage.`,
        ),
      );
    }
    const why: Record<typeof v.reason, [string, string]> = {
      unpaid: ['订单还未付款，无需退货', 'the order was never paid, so there is nothing to return'],
      cancelled: ['订单已取消并已退款', 'the order was cancelled and refunded'],
      not_delivered: [
        '包裹还没签收，签收后才能申请退货（也可拒收）',
        'the parcel is not delivered yet; apply after delivery or refuse it',
      ],
      expired: [
        `已超过签收后${store.promotions.returnDays}天（截止${v.until ? formatCst(v.until, 'zh') : ''}），质量问题仍可申请售后`,
        `the ${store.promotions.returnDays}-day window ended ${v.until ? formatCst(v.until, 'en') : ''}; quality problems are still covered`,
      ],
      excluded: [
        `${CATEGORY_ZH[v.category ?? ''] ?? '该类商品'}不支持七天无理由退货，质量问题除外`,
        `${v.category ?? 'this category'} items are excluded from no-reason returns unless faulty`,
      ],
    };
    return answer(
      pick(
        lang,
        `${o.id}的${pname}不能无理由退货：${why[v.reason][0]}。`,
        `The ${pname} in ${o.id} can't be returned without reason: ${why[v.reason][1]}.`,
      ),
    );
  });
}

export function aftersaleRefund(ctx: AnswerContext): Outcome {
  const { lang, now, store } = ctx;
  return orderOrAsk(
    ctx,
    pick(
      lang,
      '退款审核通过后1-3个工作日原路退回，花呗退回额度，银行卡以银行到账为准。',
      'Approved refunds go back to the original payment in 1–3 working days.',
    ),
    (o) => {
      const r = o.refund;
      if (r.state === 'none') {
        if (o.total > store.promotions.refundAutoLimit) {
          return {
            kind: 'policy',
            text: pick(
              lang,
              `订单${o.id}金额${yuan(o.total)}超过${yuan(store.promotions.refundAutoLimit)}，退款需要售后专员审核，正在为您转接。`,
              `Order ${o.id} is ${yuan(o.total)}, above the ${yuan(store.promotions.refundAutoLimit)} limit for automatic refunds; an agent will review it.`,
            ),
          };
        }
        const phase = orderPhase(o, now);
        if (phase === 'awaiting_shipment') {
          return answer(
            pick(
              lang,
              `订单${o.id}未发货，已为您提交退款${yuan(o.total)}，1-3个工作日原路退回。`,
              `Order ${o.id} hasn't shipped; I have requested the refund of ${yuan(o.total)}, back in 1–3 working days.`,
            ),
          );
        }
        return answer(
          pick(
            lang,
            `订单${o.id}还没有退款申请。已发货的订单请先申请退货，商家收货后退款。`,
            `There is no refund request on ${o.id} yet. For shipped orders, request a return first; the refund follows when the item is received.`,
          ),
        );
      }
      const when = r.requestedAt ? formatCst(r.requestedAt, lang) : '';
      const texts: Record<Exclude<typeof r.state, 'none'>, [string, string]> = {
        requested: [
          `订单${o.id}的退款${yuan(r.amount)}已于${when}提交，商家将在48小时内审核。`,
          `The ${yuan(r.amount)} refund on ${o.id} was requested ${when}; the seller reviews it within 48 hours.`,
        ],
        approved: [
          `订单${o.id}的退款${yuan(r.amount)}已审核通过，1-3个工作日原路到账。`,
          `The ${yuan(r.amount)} refund on ${o.id} is approved and arrives in 1–3 working days.`,
        ],
        refunded: [
          `订单${o.id}的${yuan(r.amount)}已于${r.doneAt ? formatCst(r.doneAt, 'zh') : ''}退回原支付账户。`,
          `${yuan(r.amount)} for ${o.id} was refunded on ${r.doneAt ? formatCst(r.doneAt, 'en') : ''} to the original payment.`,
        ],
        rejected: [
          `订单${o.id}的退款申请被驳回（商品已使用影响二次销售），可补充凭证后重新申请。`,
          `The refund on ${o.id} was rejected (item used); you can reapply with photos.`,
        ],
      };
      return answer(texts[r.state][lang === 'zh' ? 0 : 1]);
    },
  );
}

export function aftersalePriceProtect(ctx: AnswerContext): Outcome {
  const { lang, now, store } = ctx;
  const days = store.promotions.priceProtectDays;
  return orderOrAsk(
    ctx,
    pick(
      lang,
      `付款后${days}天内同款降价可申请价保，差价原路退回。`,
      `Within ${days} days of payment, a lower price on the same item is refunded as the difference.`,
    ),
    (o) => {
      const v = priceProtectVerdict(o, store.catalog, now, store.promotions);
      if (v.ok) {
        const rows = v.lines.map((l) => {
          const p = store.catalog.get(l.sku);
          const n = p ? (lang === 'zh' ? p.zh : p.en) : l.sku;
          return pick(
            lang,
            `${n} ${yuan(l.paid)}→${yuan(l.now)}×${l.quantity}`,
            `${n} ${yuan(l.paid)}→${yuan(l.now)} ×${l.quantity}`,
          );
        });
        return answer(
          pick(
            lang,
            `订单${o.id}可以价保：${rows.join('，')}，差价${yuan(v.refund)}已提交，原路退回。`,
            `Order ${o.id} qualifies: ${rows.join(', ')}. The difference of ${yuan(v.refund)} is refunded to your payment method.`,
          ),
        );
      }
      const why: Record<typeof v.reason, [string, string]> = {
        unpaid: ['订单未付款', 'the order is unpaid'],
        cancelled: ['订单已取消', 'the order is cancelled'],
        expired: [
          `已超过付款后${days}天的价保期（截止${v.until ? formatCst(v.until, 'zh') : ''}）`,
          `the ${days}-day window after payment ended ${v.until ? formatCst(v.until, 'en') : ''}`,
        ],
        no_drop: ['当前价格不低于您的实付价', 'the current price is not below what you paid'],
      };
      return answer(
        pick(
          lang,
          `订单${o.id}暂不能价保：${why[v.reason][0]}。`,
          `Order ${o.id} can't get price protection: ${why[v.reason][1]}.`,
        ),
      );
    },
  );
}

export function paymentIssue(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  const steps = pick(
    lang,
    '请确认余额/额度充足、网络正常，换一种支付方式重试；如重复扣款，未生成订单的款项会在24小时内自动退回。',
    'Check your balance or limit and connection and try another payment method; a duplicate charge without an order is returned automatically within 24 hours.',
  );
  const id = ctx.memory.orderId;
  const o = id === undefined ? undefined : ctx.store.orders.get(id);
  if (o === undefined) return answer(steps);
  const phase = orderPhase(o, now);
  if (phase === 'unpaid')
    return answer(
      pick(
        lang,
        `订单${o.id}显示未付款（${yuan(o.total)}）。${steps}`,
        `Order ${o.id} shows unpaid (${yuan(o.total)}). ${steps}`,
      ),
    );
  return answer(
    pick(
      lang,
      `订单${o.id}已于${formatCst(o.paidAt ?? o.createdAt, 'zh')}付款成功，金额${yuan(o.total)}，无需再付。`,
      `Order ${o.id} was paid on ${formatCst(o.paidAt ?? o.createdAt, 'en')}, ${yuan(o.total)}; nothing more to pay.`,
    ),
  );
}

export function invoice(ctx: AnswerContext): Outcome {
  const { lang, now } = ctx;
  const how = pick(
    lang,
    '在订单详情点“申请开票”，选个人或企业抬头（企业需税号），电子发票开具后发到账户和邮箱，专票需提供开户行信息。',
    'Tap "Request invoice" in the order, choose personal or company title (company needs the tax id); e-invoices go to your account and email, special VAT invoices need bank details.',
  );
  const id = ctx.memory.orderId;
  const o = id === undefined ? undefined : ctx.store.orders.get(id);
  if (o === undefined) return answer(how);
  const phase = orderPhase(o, now);
  if (phase === 'delivered')
    return answer(
      pick(
        lang,
        `订单${o.id}已签收，可以开${yuan(o.total)}的发票。${how}`,
        `Order ${o.id} is delivered, so a ${yuan(o.total)} invoice can be issued. ${how}`,
      ),
    );
  return answer(
    pick(
      lang,
      `订单${o.id}可以先提交开票申请，签收后开具${yuan(o.total)}的电子发票。${how}`,
      `You can request the invoice for ${o.id} now; the ${yuan(o.total)} e-invoice is issued after delivery. ${how}`,
    ),
  );
}

const HACKED = /被盗|盗号|被人登|hacked|stolen|someone else logged/i;

export function account(ctx: AnswerContext): Outcome {
  const { lang, text } = ctx;
  if (HACKED.test(text)) {
    return {
      kind: 'policy',
      text: pick(
        lang,
        '账号安全问题需要专员核实身份，正在为您转接。请先修改密码。',
        'Account security needs an agent to verify your identity; transferring you now. Please change your password first.',
      ),
    };
  }
  if (/验证码|短信|code|sms/i.test(text)) {
    return answer(
      pick(
        lang,
        '收不到验证码：检查短信拦截、信号，60秒后重试；一天最多发送10次。',
        'No code: check SMS blocking and signal and retry after 60 seconds; at most 10 codes a day.',
      ),
    );
  }
  if (/密码|password|登录|登不上|log ?in/i.test(text)) {
    return answer(
      pick(
        lang,
        '登录页点“忘记密码”，用绑定手机验证后重设；连续输错5次会锁定30分钟。',
        'Tap "Forgot password" on the login page and verify with your phone; 5 wrong tries lock the account for 30 minutes.',
      ),
    );
  }
  if (/冻结|限制|注销|frozen|restricted|delete|close/i.test(text)) {
    return answer(
      pick(
        lang,
        '账号冻结或注销请在“设置-账号与安全”中按提示完成实名验证，审核1-3个工作日。',
        'For a frozen account or deletion go to Settings → Account & security and complete ID verification; review takes 1–3 working days.',
      ),
    );
  }
  return answer(
    pick(
      lang,
      '账户设置在“我的-设置-账号与安全”：可改密码、换绑手机、管理地址和积分，积分可抵现100积分=1元。',
      'Account settings are under Me → Settings → Account & security: password, phone, addresses and points (100 points = ¥1).',
    ),
  );
}
