// Slot extraction from one customer message: order id, products, size, colour, amount, height/weight, quantity.
import { findOrderId } from '../data/order-id.ts';
import { COLOUR_NAMES, PRODUCT_SPECS } from '../data/products.ts';
import { isAsciiLetter } from './normalize.ts';

export interface Slots {
  orderId?: string;
  /** SKUs in the order they are mentioned (a cart when several). */
  skus: string[];
  size?: string;
  colour?: string;
  /** Yuan. */
  amount?: number;
  heightCm?: number;
  weightKg?: number;
  footCm?: number;
  quantity?: number;
  /** A calendar date mentioned (11月11日, 11/11, Nov 11, 11 Nov). */
  date?: { month: number; day: number };
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A list of names as one case-insensitive pattern, and the characters a match can start with (both cases). */
function alternation(entries: readonly [string, string][]): {
  re: RegExp;
  map: Map<string, string>;
  starts: Uint8Array;
} {
  const map = new Map<string, string>();
  for (const [name, id] of entries) map.set(name.toLowerCase(), id);
  const names = [...map.keys()].sort((a, b) => b.length - a.length);
  const starts = new Uint8Array(0x10000);
  for (const name of names) {
    const first = name.charAt(0);
    for (const c of [first, first.toLowerCase(), first.toUpperCase()]) starts[c.charCodeAt(0)] = 1;
  }
  return { re: new RegExp(names.map(escapeRe).join('|'), 'gi'), map, starts };
}

/**
 * What one pass over a message finds, for skipping the patterns that cannot match it: in the server each regex run
 * costs a fraction of a µs however short the text, and most messages name no product, colour, height or quantity.
 */
interface Scan {
  /** ASCII digits in the text. */
  digits: number;
  /** An ASCII letter. */
  latin: boolean;
  /** 两二三四五 (QUANTITY's Chinese numbers) or 一米 (HEIGHT's). */
  zhNumber: boolean;
  /** A character a product name or a colour name starts with. */
  product: boolean;
  colour: boolean;
}

/** The scan that lets every pattern run: extractSlotsByEveryPattern, the reference of slots.test.ts. */
const EVERYTHING: Scan = { digits: Infinity, latin: true, zhNumber: true, product: true, colour: true };

function scan(text: string): Scan {
  let digits = 0;
  let latin = false;
  let zhNumber = false;
  let product = false;
  let colour = false;
  const productStarts = PRODUCTS.starts;
  const colourStarts = COLOURS.starts;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (isAsciiLetter(c)) latin = true;
    else if (c === 0x4e24 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x7c73)
      zhNumber = true;
    if (productStarts[c] === 1) product = true;
    if (colourStarts[c] === 1) colour = true;
  }
  return { digits, latin, zhNumber, product, colour };
}

const PRODUCTS = alternation(
  PRODUCT_SPECS.flatMap((s) => [s.zh, s.en, ...s.aliases].map((n) => [n, s.sku] as [string, string])),
);
const COLOURS = alternation(
  Object.entries(COLOUR_NAMES).flatMap(([id, c]) =>
    [c.zh, c.en, ...c.aliases].map((n) => [n, id] as [string, string]),
  ),
);

const APPAREL_SIZE = /(?<![A-Za-z])(XXL|2XL|XL|L|M|S)(?![A-Za-z])(?:\s*(?:码|号))?|\b(small|medium|large)\b/i;
const SHOE_SIZE =
  /(?<!\d)(3[5-9]|4[0-6])\s*(?:码|号|yards?)|\bsize\s*(3[5-9]|4[0-6])\b|(?:穿|shoe size\s*)(3[5-9]|4[0-6])(?!\d)/i;
const AMOUNT = /[¥￥]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:元|块|rmb|yuan|cny)|\brmb\s*(\d+(?:\.\d+)?)/i;
const HEIGHT =
  /(1[4-9]\d|2[01]\d)\s*(?:cm|厘米|公分)|身高\s*(1[4-9]\d)|一米([一二三四五六七八九])([一二三四五六七八九])?/i;
const FEET_INCHES = /(?<!\d)([4-6])\s*(?:'|’|ft|feet|foot)\s*(?:(\d{1,2})\s*(?:"|”|in|inches)?)?/i;
const BODY_PAIR = /(?<![\d.])(1[4-9]\d)\s*[/,，、]\s*(\d{2,3})(?![\d.])/;
const WEIGHT = /(?:体重\s*)?(\d{2,3}(?:\.\d)?)\s*(kg|公斤|千克|斤|lbs?|pounds?)|体重\s*(\d{2,3})/i;
const FOOT =
  /(?:脚长|foot(?: length)?(?: is)?)\s*(\d{2}(?:\.\d)?)|(\d{2}(?:\.\d)?)\s*(?:cm|厘米)\s*(?:的脚|long)/i;
const QUANTITY =
  /(\d{1,2}|两|二|三|四|五)\s*(?:件|个|双|份|盒|套|台|pcs|pieces|pairs?)|\b(two|three|four|five)\s+(?:of|pieces|pairs)\b/i;
const ZH_DATE =
  /(1[0-2]|0?[1-9])\s*月\s*(3[01]|[12]\d|0?[1-9])\s*(?:日|号)?|(?<![\d.])(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?![\d.])/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_DATE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b|\b(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** What `\d` matches in these patterns (no `u` flag): every pattern gated on it needs one to match. */
const ASCII_DIGIT = /[0-9]/;
const ZH_DIGITS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const EN_DIGITS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5 };
const SIZE_WORDS: Record<string, string> = { small: 'S', medium: 'M', large: 'L', '2xl': 'XXL' };

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

/** Everything recognisable in `text`; absent fields were not mentioned. */
export function extractSlots(text: string): Slots {
  return extract(text, scan(text));
}

/** extractSlots with every pattern run, whatever the scan says: the reference slots.test.ts holds it to. */
export function extractSlotsByEveryPattern(text: string): Slots {
  return extract(text, EVERYTHING);
}

/** `may` says which patterns may match `text` (each of its tests is necessary for its pattern, never sufficient). */
function extract(text: string, may: Scan): Slots {
  const slots: Slots = { skus: [] };
  const orderId = may.digits >= 16 ? findOrderId(text) : undefined;
  if (orderId !== undefined) slots.orderId = orderId;
  const scrubbed = orderId === undefined ? text : text.replace(/[Ee]?20\d{14}/, ' ');
  if (may.product) {
    PRODUCTS.re.lastIndex = 0;
    for (let m = PRODUCTS.re.exec(scrubbed); m !== null; m = PRODUCTS.re.exec(scrubbed)) {
      const sku = PRODUCTS.map.get(m[0].toLowerCase());
      if (sku !== undefined && !slots.skus.includes(sku)) slots.skus.push(sku);
    }
  }
  if (may.colour) {
    COLOURS.re.lastIndex = 0;
    const colour = COLOURS.re.exec(scrubbed);
    if (colour !== null) slots.colour = COLOURS.map.get(colour[0].toLowerCase()) as string;
  }
  // Most messages hold no digit (once an order id is scrubbed); the patterns marked `digit ?` cannot match without one.
  const digit = may.digits > 0 && (orderId === undefined || ASCII_DIGIT.test(scrubbed));
  const shoe = digit ? SHOE_SIZE.exec(scrubbed) : null;
  if (shoe !== null) slots.size = (shoe[1] ?? shoe[2] ?? shoe[3]) as string;
  else {
    const size = may.latin ? APPAREL_SIZE.exec(scrubbed) : null;
    if (size !== null) {
      const raw = (size[1] ?? size[2] ?? '').toLowerCase();
      slots.size = SIZE_WORDS[raw] ?? raw.toUpperCase();
    }
  }
  const amount = digit ? AMOUNT.exec(scrubbed) : null;
  if (amount !== null) slots.amount = num(amount[1] ?? amount[2] ?? amount[3]);
  const height = digit || may.zhNumber ? HEIGHT.exec(scrubbed) : null;
  if (height !== null) {
    slots.heightCm =
      height[3] !== undefined
        ? 100 + (ZH_DIGITS[height[3]] ?? 0) * 10 + (height[4] ? (ZH_DIGITS[height[4]] ?? 0) : 0)
        : num(height[1] ?? height[2]);
  }
  if (slots.heightCm === undefined) {
    const fi = digit ? FEET_INCHES.exec(scrubbed) : null;
    if (fi !== null) slots.heightCm = Math.round((Number(fi[1]) * 12 + Number(fi[2] ?? 0)) * 2.54);
  }
  const pair = digit ? BODY_PAIR.exec(scrubbed) : null;
  if (pair !== null && slots.heightCm === undefined) {
    slots.heightCm = Number(pair[1]);
    const w = Number(pair[2]);
    slots.weightKg = w > 110 ? w / 2 : w;
  }
  const weight = digit ? WEIGHT.exec(scrubbed) : null;
  if (weight !== null) {
    const value = Number(weight[1] ?? weight[3]);
    const unit = (weight[2] ?? 'kg').toLowerCase();
    slots.weightKg =
      unit === '斤'
        ? value / 2
        : unit.startsWith('lb') || unit.startsWith('pound')
          ? Math.round(value * 0.4536)
          : value;
  }
  const foot = digit ? FOOT.exec(scrubbed) : null;
  if (foot !== null) slots.footCm = Number(foot[1] ?? foot[2]);
  const qty = digit || may.latin || may.zhNumber ? QUANTITY.exec(scrubbed) : null;
  if (qty !== null) {
    const q = qty[1];
    slots.quantity =
      q !== undefined ? (ZH_DIGITS[q] ?? Number(q)) : (EN_DIGITS[(qty[2] ?? '').toLowerCase()] ?? 1);
  }
  const zhDate = digit ? ZH_DATE.exec(scrubbed) : null;
  if (zhDate !== null)
    slots.date = { month: Number(zhDate[1] ?? zhDate[3]), day: Number(zhDate[2] ?? zhDate[4]) };
  else {
    const enDate = digit ? EN_DATE.exec(scrubbed) : null;
    if (enDate !== null) {
      const month = MONTHS.indexOf(((enDate[1] ?? enDate[4]) as string).toLowerCase()) + 1;
      slots.date = { month, day: Number(enDate[2] ?? enDate[3]) };
    }
  }
  return slots;
}
