// 618 (年中大促), JD-style: the sales climax runs from 20:00 on 17 June to the end of 18 June, the
// 28 hours JD has marketed as its peak ("巅峰28小时") in recent years; the opening at 20:00 is the
// biggest spike, midnight a second one, and the last four hours of the 18th a final push.
//
// Figures:
// - The 20:00 opening: ~2.3 M bot consultations in the first 10 minutes (JD 618 2022 — figure from the
//   project brief, not independently verified here). The curve below puts ~2.8 M conversations in
//   20:00–20:10 on the 17th, of which the bot takes the large majority.
// - JD's Yanxi (言犀) service bots handled 550 M services for 165,000 merchants between 9 January and
//   1 February 2022, ~23 M/day on average [JD corporate blog, 2022-02-09]; promotion days run well above.
// - Price protection (价保) is a major 618 after-sales topic at JD: its 618 prediction engine anticipates
//   价保 requests from price checks [JD corporate blog, 2020-07-21].
import { defineScenario } from '../sim/scenario/define.ts';

export default defineScenario({
  name: '618',
  description: '618 mid-year sale, JD-style: 20:00 opening on 17 June, midnight, 18 June, final push',
  timezone: 'Asia/Shanghai',
  span: { start: '2026-06-17T20:00', end: '2026-06-19T00:00' },
  curve: {
    points: [
      { at: '20:00', perMin: 60_000 },
      { at: '20:00:30', perMin: 400_000 },
      { at: '20:10', perMin: 160_000 },
      { at: '20:30', perMin: 120_000 },
      { at: '22:00', perMin: 100_000 },
      { at: '23:59', perMin: 95_000 },
      { at: '00:00:30', perMin: 280_000 },
      { at: '00:15', perMin: 140_000 },
      { at: '01:00', perMin: 80_000 },
      { at: '03:00', perMin: 28_000 },
      { at: '07:00', perMin: 25_000 },
      { at: '09:00', perMin: 60_000 },
      { at: '12:00', perMin: 80_000 },
      { at: '18:00', perMin: 85_000 },
      { at: '20:00', perMin: 100_000 },
      { at: '20:00:30', perMin: 220_000 },
      { at: '20:15', perMin: 130_000 },
      { at: '22:00', perMin: 115_000 },
      { at: '24:00', perMin: 90_000 },
    ],
  },
  basePhase: 'shopping',
  phases: [
    {
      name: 'opening-rush',
      from: '2026-06-17T20:00',
      to: '2026-06-17T21:00',
      mix: {
        'promo.rules': 18,
        'promo.coupon_issue': 10,
        'product.stock': 12,
        'order.place': 10,
        'payment.issue': 8,
        'aftersale.price_protect': 4,
        'logistics.track': 4,
      },
      behaviour: { patienceSec: 35, angerShare: 0.07 },
    },
    {
      name: 'midnight',
      from: '2026-06-18T00:00',
      to: '2026-06-18T01:00',
      mix: {
        'promo.rules': 14,
        'promo.coupon_issue': 8,
        'product.stock': 10,
        'order.place': 9,
        'payment.issue': 6,
      },
      behaviour: { patienceSec: 40 },
    },
    {
      name: 'aftersale-day',
      from: '2026-06-18T09:00',
      to: '2026-06-18T20:00',
      mix: {
        'logistics.track': 18,
        'logistics.exception': 5,
        'aftersale.price_protect': 10,
        'aftersale.return': 9,
        'aftersale.refund': 8,
        invoice: 4,
      },
    },
    {
      name: 'final-push',
      from: '2026-06-18T20:00',
      to: '2026-06-19T00:00',
      mix: {
        'promo.rules': 12,
        'promo.coupon_issue': 7,
        'order.place': 8,
        'aftersale.price_protect': 8,
        'payment.issue': 6,
      },
    },
  ],
  behaviour: { zhShare: 0.98 },
  botResolution: { 'aftersale.price_protect': 0.8 },
  run: { speed: 840, scale: 0.0002 },
});
