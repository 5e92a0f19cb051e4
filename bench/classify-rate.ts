// Classifier throughput on one core, measured the same way by `npm run bench` and
// server/bot/bench-classify.ts: a warm-up, then runs of a fixed mix of Chinese and English messages.
import type { Classifier } from '../server/bot/classifier.ts';
import { median } from './stats.ts';

/** The mix classified: what customers ask at a promotion's peak, in both languages. */
export const RATE_MESSAGES = [
  '我的快递到哪了 E2026111100012345',
  '羽绒服黑色L码还有货吗',
  '跨店满减和优惠券能一起用吗？',
  'where is my parcel, it has not moved for 3 days',
  'I want to return the hoodie, it does not fit',
  '买了就降价了，能价保吗',
  '转人工',
  'how much is the down jacket with the running shoes together',
  '我身高175体重140斤穿什么码',
  '发票怎么开 公司报销用',
  'payment failed but I was charged twice',
  '你好',
];

export interface ClassifyRate {
  /** Median over the runs of messages classified per wall-clock second. */
  medianPerSec: number;
  /** Each run's rate. */
  perSec: number[];
  /** Messages classified in each run. */
  perRun: number;
}

/** Classifications per second on this thread, median of `runs` runs of `perRun` messages. */
export function classifyRate(classifier: Classifier, runs = 3, perRun = 300_000): ClassifyRate {
  let sink = 0;
  for (let i = 0; i < 20_000; i++)
    sink += classifier.classify(RATE_MESSAGES[i % RATE_MESSAGES.length] as string).confidence;
  const perSec: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    for (let i = 0; i < perRun; i++)
      sink += classifier.classify(RATE_MESSAGES[i % RATE_MESSAGES.length] as string).confidence;
    perSec.push(Math.round(perRun / ((performance.now() - t) / 1000)));
  }
  // The sum is used so that no run can be optimised away.
  if (Number.isNaN(sink)) throw new Error('a classification gave a NaN confidence');
  return { medianPerSec: median(perSec), perSec, perRun };
}
