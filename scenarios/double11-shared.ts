// Shapes shared by the Double-11 scenarios (double11 and double11-peak): the midnight opening rush and
// the question mix around it. Not a scenario itself.
//
// Public figures the shapes lean on (sources in brackets):
// - Orders peaked at 583,000 creations/s at 00:00:26 on 2020-11-11, i.e. the rush crests within half a
//   minute of midnight [Alibaba Cloud blog, "Recap of the 2020 Double 11 Global Shopping Festival"].
// - On 2019-11-11 the AliMe (阿里小蜜) bots took 97% of Taobao/Tmall online service demand, about
//   300 million consultation dialogues that day, with a 70% resolution rate, the work of ~85,000 human
//   agents [Xinhua, 2019-11-13, quoting Alibaba's chief customer officer Wu Minzhi]. peakdesk sizes the
//   real-scale day at ~300 M new conversations accordingly.
// - In 2016 the Double-11 edition of AliMe was built to answer presale rules, red packets, ordering and
//   payment questions [天下网商, 2016-11-17], which is why promo and payment intents swell at the peaks.
import type { IntentWeights } from '../sim/scenario/schema.ts';

/** New conversations per minute at real scale just before midnight (23:50–23:59). */
export const PRE_MIDNIGHT_PER_MIN = 240_000;

/**
 * 00:00 → 01:00: ~10× the pre-midnight rate within 20 s (40,000/s at the crest), halving about every
 * 10 minutes, back near 2× by 01:00. Step-free so the crest is reached in seconds, not instantly.
 */
export const MIDNIGHT_RUSH_POINTS = [
  { at: '00:00', perMin: PRE_MIDNIGHT_PER_MIN },
  { at: '00:00:20', perMin: 2_400_000 },
  { at: '00:01', perMin: 2_200_000 },
  { at: '00:05', perMin: 1_500_000 },
  { at: '00:15', perMin: 900_000 },
  { at: '00:30', perMin: 620_000 },
  { at: '00:45', perMin: 500_000 },
  { at: '01:00', perMin: 430_000 },
] as const;

/** Presale and promotion questions dominate the opening minutes: rules, coupons, stock, paying. */
export const MIDNIGHT_MIX: IntentWeights = {
  greeting: 2,
  'product.info': 8,
  'product.stock': 12,
  'product.size': 4,
  'product.recommend': 2,
  'promo.rules': 20,
  'promo.coupon_issue': 12,
  'order.place': 12,
  'order.status': 5,
  'order.cancel': 3,
  'order.modify': 4,
  'logistics.track': 3,
  'logistics.exception': 1,
  'aftersale.return': 1,
  'aftersale.refund': 2,
  'aftersale.price_protect': 2,
  'payment.issue': 9,
  invoice: 1,
  account: 2,
  complaint: 2,
  'human.request': 4,
  other: 2,
};

/** During the rush customers give up sooner and more of them are annoyed (illustrative). */
export const RUSH_BEHAVIOUR = { patienceSec: 30, angerShare: 0.08, turnsMean: 2.6 } as const;

/** The bot is primed for promotion rules during Double 11 (AliMe's "双11小蜜", 2016). */
export const DOUBLE11_BOT_RESOLUTION = { 'promo.rules': 0.88, 'promo.coupon_issue': 0.6 } as const;
