// Double 11 (双十一), the 24 hours of 11 November on a large Chinese marketplace, at real scale.
//
// Shape (facts with sources in double11-shared.ts, the rest is stated as assumption):
// - 00:00 opening rush: ~10× in 20 s, decaying over the first hour (orders crest at 00:00:26 [Alibaba 2020]).
// - 00:30: in 2020 Tmall's second-wave final payments (尾款) opened at 00:30 on 11 Nov [Tmall 2020 rules
//   as summarised by mzbkw.com], keeping promotion and payment questions high through the first hour.
// - 03:00–08:00 quiet night (assumption: a normal diurnal trough, ~1/4 of daytime).
// - Morning on: shipping and after-sales questions grow (returns, refunds, 价保 price protection once
//   prices move), as orders from the night get paid and shipped.
// - 20:00 evening wave: Tmall moved its wave openings to 20:00 from 2021 (2022: second wave from 20:00
//   on 10 Nov [China Internet Watch, 2022-10-13]); on the 11th the 20:00 prime-time push and last-chance
//   final payments (尾款) bring a second, smaller spike (~4× the afternoon).
// - Day total ≈ 317 M conversations, the order of the ~300 M AliMe dialogues of 2019-11-11 [Xinhua].
import { defineScenario } from '../sim/scenario/define.ts';
import {
  DOUBLE11_BOT_RESOLUTION,
  MIDNIGHT_MIX,
  MIDNIGHT_RUSH_POINTS,
  RUSH_BEHAVIOUR,
} from './double11-shared.ts';

export default defineScenario({
  name: 'double11',
  description:
    'Double 11 (双十一) on a large marketplace: 00:00 rush, quiet night, after-sales day, 20:00 wave',
  timezone: 'Asia/Shanghai',
  span: '2026-11-11',
  curve: {
    interpolation: 'linear',
    points: [
      ...MIDNIGHT_RUSH_POINTS,
      { at: '02:00', perMin: 220_000 },
      { at: '03:00', perMin: 110_000 },
      { at: '05:00', perMin: 55_000 },
      { at: '07:00', perMin: 70_000 },
      { at: '08:00', perMin: 110_000 },
      { at: '10:00', perMin: 175_000 },
      { at: '12:00', perMin: 185_000 },
      { at: '14:00', perMin: 170_000 },
      { at: '17:00', perMin: 180_000 },
      { at: '19:30', perMin: 205_000 },
      { at: '20:00', perMin: 230_000 },
      { at: '20:00:30', perMin: 900_000 },
      { at: '20:10', perMin: 700_000 },
      { at: '20:30', perMin: 520_000 },
      { at: '21:00', perMin: 360_000 },
      { at: '22:00', perMin: 320_000 },
      { at: '23:00', perMin: 300_000 },
      { at: '23:50', perMin: 290_000 },
      { at: '24:00', perMin: 260_000 },
    ],
  },
  mix: { 'logistics.track': 12, 'aftersale.price_protect': 4 },
  basePhase: 'evening',
  phases: [
    { name: 'midnight-rush', from: '00:00', to: '01:00', mix: MIDNIGHT_MIX, behaviour: RUSH_BEHAVIOUR },
    {
      name: 'night',
      from: '01:00',
      to: '08:00',
      mix: { 'order.status': 12, 'logistics.track': 16, 'promo.rules': 4, 'product.stock': 3 },
      behaviour: { patienceSec: 90 },
    },
    {
      name: 'morning-aftersale',
      from: '08:00',
      to: '12:00',
      mix: {
        'logistics.track': 18,
        'logistics.exception': 5,
        'aftersale.return': 9,
        'aftersale.refund': 8,
        'aftersale.price_protect': 7,
      },
    },
    {
      name: 'afternoon-aftersale',
      from: '12:00',
      to: '19:30',
      mix: {
        'logistics.track': 18,
        'logistics.exception': 6,
        'aftersale.return': 11,
        'aftersale.refund': 10,
        'aftersale.price_protect': 8,
        'promo.rules': 4,
      },
    },
    {
      name: 'final-payment-wave',
      from: '19:30',
      to: '21:00',
      mix: {
        'promo.rules': 16,
        'promo.coupon_issue': 8,
        'payment.issue': 10,
        'order.place': 10,
        'product.stock': 8,
        'aftersale.price_protect': 5,
      },
      behaviour: { patienceSec: 40, angerShare: 0.07 },
    },
  ],
  behaviour: { turnsMean: 3, patienceSec: 60, zhShare: 0.98 },
  botResolution: DOUBLE11_BOT_RESOLUTION,
  staffing: {
    presale: { concurrency: 4, ahtSec: 140, ahtByConcurrency: [95, 115, 130, 140] },
    aftersale: { patienceSec: 240 },
  },
  // scale 2e-5: ~6,300 conversations in 2 minutes, peaks ~580/s, which one 2-core machine sustains
  run: { speed: 720, scale: 0.00002 },
});
