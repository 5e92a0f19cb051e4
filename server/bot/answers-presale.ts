// Presale answers computed from the catalog and promotion rules: product facts, stock, size, picks, prices.
import { type Product, priceAt, stockKey } from '../data/catalog.ts';
import { formatCst } from '../data/clock.ts';
import { COLOUR_NAMES } from '../data/products.ts';
import {
  bestQuote,
  type CartLine,
  couponShortfall,
  type PriceStep,
  type Promotions,
} from '../data/promotions.ts';
import { suggestApparelSize, suggestShoeSize } from '../data/size-guide.ts';
import { type AnswerContext, answer, type Lang, type Outcome, pick, yuan } from './answer-context.ts';

const name = (p: Product, lang: Lang): string => (lang === 'zh' ? p.zh : p.en);
const colourName = (c: string, lang: Lang): string => (c === '' ? '' : (COLOUR_NAMES[c]?.[lang] ?? c));

function product(ctx: AnswerContext): Product | undefined {
  const sku = ctx.memory.skus[0];
  return sku === undefined ? undefined : ctx.store.catalog.get(sku);
}

export function productInfo(ctx: AnswerContext): Outcome {
  const p = product(ctx);
  if (p === undefined) return { kind: 'need', slot: 'product' };
  const { lang } = ctx;
  const params = Object.entries(p.params)
    .map(([k, v]) => `${k}: ${v}`)
    .join(lang === 'zh' ? '；' : '; ');
  const price = priceAt(p, ctx.now);
  const presale = p.presale
    ? pick(
        lang,
        `，预售定金${yuan(p.presale.deposit)}抵${yuan(p.presale.depositValue)}`,
        `, presale deposit ${yuan(p.presale.deposit)} worth ${yuan(p.presale.depositValue)}`,
      )
    : '';
  return answer(
    pick(
      lang,
      `${p.zh}现价${yuan(price)}（日常价${yuan(p.basePrice)}）${presale}。参数：${params}。`,
      `The ${p.en} is ${yuan(price)} now (regular ${yuan(p.basePrice)})${presale}. Specs: ${params}.`,
    ),
  );
}

export function productStock(ctx: AnswerContext): Outcome {
  const p = product(ctx);
  if (p === undefined) return { kind: 'need', slot: 'product' };
  const { lang, memory } = ctx;
  const colours =
    memory.colour !== undefined && p.colours.includes(memory.colour)
      ? [memory.colour]
      : p.colours.length > 0
        ? p.colours
        : [''];
  const sizes = memory.size !== undefined && p.sizes.includes(memory.size) ? [memory.size] : p.sizes;
  const parts: string[] = [];
  for (const colour of colours) {
    const cells = sizes.map((size) => {
      const n = p.stock[stockKey(size, colour)] ?? 0;
      const label = size === '' ? '' : `${size} `;
      return n > 0
        ? pick(lang, `${label}${n}件`, `${label}${n} left`)
        : pick(lang, `${label}缺货`, `${label}sold out`);
    });
    const c = colourName(colour, lang);
    parts.push(`${c === '' ? '' : `${c}: `}${cells.join(lang === 'zh' ? '，' : ', ')}`);
  }
  return answer(
    pick(
      lang,
      `${p.zh}库存 — ${parts.join('；')}。缺货的规格可点“到货提醒”，补货后第一时间通知您。`,
      `Stock of the ${p.en} — ${parts.join('; ')}. For sold-out options tap "notify me" and we will tell you when they are back.`,
    ),
  );
}

function body(memory: AnswerContext['memory'], lang: Lang): string {
  const parts: string[] = [];
  if (memory.heightCm !== undefined)
    parts.push(lang === 'zh' ? `身高${memory.heightCm}cm` : `${memory.heightCm} cm`);
  if (memory.weightKg !== undefined)
    parts.push(lang === 'zh' ? `体重${memory.weightKg}kg` : `${memory.weightKg} kg`);
  return parts.join(lang === 'zh' ? '、' : ' and ');
}

/** From the size someone usually wears and the cut of the product (slim runs small, loose runs large). */
function usualSize(p: Product, usual: string, lang: Lang): Outcome {
  const at = p.sizes.indexOf(usual);
  const fit = p.params.fit;
  const shift = fit === 'slim' ? 1 : 0;
  const pickIdx = at < 0 ? -1 : Math.min(p.sizes.length - 1, at + shift);
  const size = pickIdx < 0 ? usual : (p.sizes[pickIdx] as string);
  const why =
    fit === 'slim'
      ? pick(lang, '这款是修身版型，建议大一码', 'it is a slim cut, so take one size up')
      : pick(lang, '这款尺码标准，按平时的码数拍即可', 'it is true to size');
  return answer(
    pick(
      lang,
      `平时穿${usual}的话，${p.zh}选${size}码：${why}。`,
      `If you usually wear ${usual}, take ${size} in the ${p.en}: ${why}.`,
    ),
  );
}

export function productSize(ctx: AnswerContext): Outcome {
  const { lang, memory } = ctx;
  const p = product(ctx);
  if (p?.sizeKind === 'shoes' || (p === undefined && memory.footCm !== undefined)) {
    if (memory.footCm === undefined && memory.size !== undefined && p !== undefined)
      return usualSize(p, memory.size, lang);
    if (memory.footCm === undefined) {
      if (ctx.asked.includes('body'))
        return answer(
          pick(
            lang,
            '鞋码按脚长换算：码数 = 脚长(cm)×2−10，脚宽建议大一码。',
            'Shoe size = foot length (cm) × 2 − 10; size up for wide feet.',
          ),
          false,
        );
      return { kind: 'need', slot: 'body' };
    }
    const size = suggestShoeSize(memory.footCm);
    return answer(
      pick(
        lang,
        `脚长${memory.footCm}cm建议穿${size}码，脚背高或脚宽可以选${Math.min(46, size + 1)}码。`,
        `For a ${memory.footCm} cm foot take size ${size}; with wide feet take ${Math.min(46, size + 1)}.`,
      ),
    );
  }
  if (memory.heightCm === undefined && memory.weightKg === undefined) {
    if (memory.size !== undefined && p !== undefined) return usualSize(p, memory.size, lang);
    if (ctx.asked.includes('body')) {
      return answer(
        pick(
          lang,
          '尺码参考：160cm/55kg以内S，170cm/65kg以内M，178cm/75kg以内L，185cm/85kg以内XL，以上XXL。',
          'Size guide: up to 160 cm/55 kg S, 170/65 M, 178/75 L, 185/85 XL, above that XXL.',
        ),
        false,
      );
    }
    return { kind: 'need', slot: 'body' };
  }
  const size = suggestApparelSize(memory.heightCm ?? 0, memory.weightKg ?? 0);
  let stockNote = '';
  if (p?.sizes.includes(size)) {
    const total = (p.colours.length > 0 ? p.colours : ['']).reduce(
      (s, c) => s + (p.stock[stockKey(size, c)] ?? 0),
      0,
    );
    stockNote =
      total > 0
        ? pick(lang, `，${p.zh}${size}码目前有${total}件`, `; the ${p.en} has ${total} in ${size}`)
        : pick(lang, `，${p.zh}${size}码暂时缺货`, `; the ${p.en} is sold out in ${size}`);
  }
  return answer(
    pick(
      lang,
      `${body(memory, 'zh')}建议选${size}码${stockNote}。喜欢宽松可以大一码。`,
      `At ${body(memory, 'en')} we suggest ${size}${stockNote}. Size up for a looser fit.`,
    ),
  );
}

export function productRecommend(ctx: AnswerContext): Outcome {
  const { lang, memory, now } = ctx;
  const base = product(ctx);
  const budget = memory.amount;
  const inStock = (p: Product): boolean => Object.values(p.stock).some((n) => n > 0);
  const candidates = [...ctx.store.catalog.values()]
    .filter((p) => (base === undefined || p.category === base.category) && p.sku !== base?.sku && inStock(p))
    .filter((p) => budget === undefined || priceAt(p, now) <= budget)
    .sort(
      (a, b) => priceAt(a, now) / a.basePrice - priceAt(b, now) / b.basePrice || a.sku.localeCompare(b.sku),
    )
    .slice(0, 3);
  if (candidates.length === 0) {
    return answer(
      pick(
        lang,
        `${yuan(budget ?? 0)}以内暂时没有有货的同类商品，可以放宽一点预算吗？`,
        `Nothing similar in stock within ${yuan(budget ?? 0)}; could you stretch the budget a little?`,
      ),
      false,
    );
  }
  const list = candidates
    .map((p) => `${name(p, lang)} ${yuan(priceAt(p, now))}`)
    .join(lang === 'zh' ? '、' : ', ');
  return answer(
    pick(lang, `按当前折扣力度推荐：${list}，都有现货。`, `Best value right now: ${list} — all in stock.`),
  );
}

/** One step of a quote in words. Only the language asked for is built (this runs for every promotion answer). */
function stepText(step: PriceStep, lang: Lang): string {
  const zh = lang === 'zh';
  switch (step.kind) {
    case 'subtotal':
      return zh ? `商品合计${yuan(step.amount)}` : `items ${yuan(step.amount)}`;
    case 'cross_store':
      return zh
        ? `跨店每满${step.every}减${step.off / step.times}，减${step.off} → ${yuan(step.amount)}`
        : `cross-store ${step.off / step.times} off every ${step.every}: −${step.off} → ${yuan(step.amount)}`;
    case 'coupon':
      return zh
        ? `${step.coupon.kind === 'shop' ? '店铺券' : '平台券'}满${step.coupon.threshold}减${step.coupon.off} → ${yuan(step.amount)}`
        : `${step.coupon.kind} coupon ${step.coupon.off} off ${step.coupon.threshold} → ${yuan(step.amount)}`;
    case 'deposit':
      return zh
        ? `定金${step.pay}抵${step.worth}×${step.units} → ${yuan(step.amount)}`
        : `deposit ${step.pay} worth ${step.worth} ×${step.units} → ${yuan(step.amount)}`;
  }
}

/** The rules in words, by promotions and language: the same text for every message that asks without a product. */
const rulesTexts = new WeakMap<Promotions, Record<Lang, string>>();

function rulesText(rules: Promotions, lang: Lang): string {
  let texts = rulesTexts.get(rules);
  if (texts === undefined) {
    const coupons = (l: Lang): string =>
      rules.coupons
        .map((c) =>
          pick(
            l,
            `${c.kind === 'shop' ? '店铺券' : '平台券'}满${c.threshold}减${c.off}`,
            `${c.kind} coupon ${c.off} off ${c.threshold}`,
          ),
        )
        .join(l === 'zh' ? '、' : ', ');
    texts = {
      zh: `规则：先算跨店每满${rules.crossStore.every}减${rules.crossStore.off}（上不封顶），再用店铺券和平台券各一张（门槛按满减后金额算）：${coupons('zh')}。预售定金膨胀抵扣尾款，尾款${formatCst(rules.finalPaymentFrom, 'zh')}开始支付，未付尾款定金不退。告诉我商品，我帮您算到手价。`,
      en: `Rules: first the cross-store ${rules.crossStore.off} off every ${rules.crossStore.every} (no cap), then one shop and one platform coupon (thresholds on the amount after that): ${coupons('en')}. Presale deposits are inflated against the final payment, which opens ${formatCst(rules.finalPaymentFrom, 'en')} (China time); an unpaid balance forfeits the deposit. Tell me the items and I will work out your price.`,
    };
    rulesTexts.set(rules, texts);
  }
  return texts[lang];
}

export function promoRules(ctx: AnswerContext): Outcome {
  const { lang, memory, now, store } = ctx;
  const rules = store.promotions;
  const products = memory.skus.map((s) => store.catalog.get(s)).filter((p): p is Product => p !== undefined);
  if (products.length === 0) return answer(rulesText(rules, lang));
  const lines: CartLine[] = products.map((p, i) => ({
    sku: p.sku,
    unitPrice: priceAt(p, now),
    quantity: i === 0 ? (memory.quantity ?? 1) : 1,
    ...(p.presale ? { deposit: { pay: p.presale.deposit, worth: p.presale.depositValue } } : {}),
  }));
  const q = bestQuote(lines, rules);
  const steps = q.steps.map((s) => stepText(s, lang)).join(lang === 'zh' ? '；' : '; ');
  const cart = lines
    .map((l) => `${name(store.catalog.get(l.sku) as Product, lang)}×${l.quantity}`)
    .join(' + ');
  const split =
    q.depositPaid > 0
      ? pick(
          lang,
          `（现付定金${yuan(q.depositPaid)}，尾款${yuan(q.finalPayment)}）`,
          ` (deposit ${yuan(q.depositPaid)} now, balance ${yuan(q.finalPayment)})`,
        )
      : '';
  return answer(
    pick(
      lang,
      `${cart}：${steps}。最低到手价${yuan(q.total)}${split}。`,
      `${cart}: ${steps}. Best price ${yuan(q.total)}${split}.`,
    ),
  );
}

export function couponIssue(ctx: AnswerContext): Outcome {
  const { lang, memory, now, store } = ctx;
  const p = product(ctx);
  const subtotal = memory.amount ?? (p === undefined ? undefined : priceAt(p, now) * (memory.quantity ?? 1));
  if (subtotal === undefined) {
    return answer(
      pick(
        lang,
        '券用不了通常是：门槛按跨店满减后的金额算、店铺券和平台券各限一张、券已过期或不适用该商品。告诉我商品或金额，我帮您算差多少。',
        'A coupon usually fails because its threshold counts the amount after the cross-store discount, only one shop and one platform coupon apply, or it expired or excludes the item. Tell me the item or amount and I will check.',
      ),
    );
  }
  const rows = store.promotions.coupons.map((c) => {
    const short = couponShortfall(c, subtotal, store.promotions);
    return short === 0
      ? pick(lang, `满${c.threshold}减${c.off}可用`, `${c.off} off ${c.threshold}: usable`)
      : pick(
          lang,
          `满${c.threshold}减${c.off}还差${yuan(short)}`,
          `${c.off} off ${c.threshold}: ${yuan(short)} short`,
        );
  });
  return answer(
    pick(
      lang,
      `按${yuan(subtotal)}、跨店满减后计算：${rows.join('；')}。`,
      `For ${yuan(subtotal)} after the cross-store discount: ${rows.join('; ')}.`,
    ),
  );
}

export function orderPlace(ctx: AnswerContext): Outcome {
  const { lang, now, store } = ctx;
  const p = product(ctx);
  const how = pick(
    lang,
    '选好颜色尺码后点“立即购买”，提交订单并在30分钟内付款即可。',
    'Pick colour and size, tap "Buy now", and pay within 30 minutes.',
  );
  if (p === undefined) return answer(how);
  const inStock = Object.values(p.stock).reduce((s, n) => s + n, 0);
  const presale = p.presale
    ? pick(
        lang,
        `这是预售款：先付定金${yuan(p.presale.deposit)}（抵${yuan(p.presale.depositValue)}），尾款${formatCst(store.promotions.finalPaymentFrom, 'zh')}起支付。`,
        `It is a presale item: pay ${yuan(p.presale.deposit)} deposit now (worth ${yuan(p.presale.depositValue)}), balance from ${formatCst(store.promotions.finalPaymentFrom, 'en')}.`,
      )
    : '';
  return answer(
    pick(
      lang,
      `${p.zh}现价${yuan(priceAt(p, now))}，共有${inStock}件库存。${presale}${how}`,
      `The ${p.en} is ${yuan(priceAt(p, now))} with ${inStock} in stock. ${presale}${how}`,
    ),
  );
}
