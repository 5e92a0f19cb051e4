// What a planner should look at first: intents whose volume jumps from one interval to the next, and
// the words customers use when the bot leaves them unresolved or angry. Pure over the interval records.
import { maskPersonalData } from '../../server/bot/mask.ts';
import type { IntervalRecord } from '../results/records.ts';

export interface RisingIntent {
  intent: string;
  /** Start of the interval in which the jump shows. */
  start: string;
  /** Arrivals in the previous and this interval, at real scale. */
  from: number;
  to: number;
  /** to ÷ from; null when the intent did not occur in the interval before (new). */
  factor: number | null;
}

export interface RisingOptions {
  /** Smallest simulated count in the later interval worth reporting (fewer is sampling noise). @default 20 */
  minCount?: number;
  /** Growth factor interval over interval that counts as sharp. @default 1.5 */
  factor?: number;
  /** How many to keep, largest factor first. @default 8 */
  limit?: number;
}

export const risingDefaults = {
  minCount: 20,
  factor: 1.5,
  limit: 8,
} as const satisfies Required<RisingOptions>;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Intents whose arrivals grow by at least `factor` between consecutive intervals. */
export function risingIntents(
  intervals: readonly IntervalRecord[],
  scale: number,
  options: RisingOptions = {},
): RisingIntent[] {
  const o = { ...risingDefaults, ...options } satisfies Required<RisingOptions>;
  const out: RisingIntent[] = [];
  for (let i = 1; i < intervals.length; i++) {
    const prev = intervals[i - 1]!;
    const cur = intervals[i]!;
    for (const [intent, c] of Object.entries(cur.byIntent)) {
      const before = prev.byIntent[intent]?.arrivals ?? 0;
      if (c.arrivals < o.minCount) continue;
      const factor = before === 0 ? null : c.arrivals / before;
      if (factor === null || factor >= o.factor)
        out.push({
          intent,
          start: cur.start,
          from: round2(before / scale),
          to: round2(c.arrivals / scale),
          factor: factor === null ? null : round2(factor),
        });
    }
  }
  const rank = (r: RisingIntent): number => r.factor ?? Number.POSITIVE_INFINITY;
  return out
    .sort((a, b) => rank(b) - rank(a) || b.to - a.to || a.intent.localeCompare(b.intent))
    .slice(0, o.limit);
}

const ZH_STOP = new Set([
  '我的',
  '你们',
  '我们',
  '一下',
  '什么',
  '怎么',
  '可以',
  '这个',
  '那个',
  '请问',
  '为什',
  '是不',
  '不是',
  '了吗',
  '的吗',
  '吗吗',
  '一个',
  '还是',
  '就是',
  '没有',
  '有没',
  '现在',
  '已经',
  '你好',
]);
const EN_STOP = new Set(
  'the and for you your are was were this that with have has not but can why what when where how my me our'
    .split(' ')
    .concat(
      'its it’s i’m dont don’t does did get got just any from will would there their them they'.split(' '),
    ),
);

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Tokens of one message: character bigrams of Chinese runs, lower-cased words of Latin text. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.match(/[\u3400-\u9fff\uf900-\ufaff]+/g) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) {
      const bigram = chars[i]! + chars[i + 1]!;
      if (!ZH_STOP.has(bigram)) tokens.push(bigram);
    }
  }
  for (const word of text.toLowerCase().match(/[a-z][a-z'’-]+/g) ?? []) {
    if (word.length >= 3 && !EN_STOP.has(word)) tokens.push(word);
  }
  return tokens.filter((t) => !t.includes('*') && (CJK.test(t) || t.length >= 3));
}

export interface TermCount {
  term: string;
  count: number;
}

/** The most frequent tokens over messages (each message counts a token once), most frequent first. */
export function topTerms(texts: readonly string[], limit = 12): TermCount[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const t of new Set(tokenize(text))) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts]
    .map(([term, count]) => ({ term, count }))
    .filter((t) => t.count >= 2)
    .sort((a, b) => b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, limit);
}

/** Unresolved and angry samples of every interval, masked again: a results folder written by another
 * tool (or an older peakdesk) may hold them raw, and the report must not show a name from an email. */
export function collectSamples(intervals: readonly IntervalRecord[]): {
  unresolved: string[];
  angry: string[];
} {
  return {
    unresolved: intervals.flatMap((iv) => iv.samples?.unresolved ?? []).map(maskPersonalData),
    angry: intervals.flatMap((iv) => iv.samples?.angry ?? []).map(maskPersonalData),
  };
}
