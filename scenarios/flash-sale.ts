// A 5-minute flash sale (秒杀) at 10:00: customers ask about stock and limits in the last minutes
// before, the rate jumps ~20× within seconds of 10:00 as stock sells out, and falls back over five
// minutes with sold-out complaints and payment failures. Crests within seconds are what large sales
// show (Tmall's 2020 order peak came 26 s after 00:00 [Alibaba Cloud blog]); the volumes here are
// illustrative: a single big-brand flash sale on a large marketplace.
import { defineScenario } from '../sim/scenario/define.ts';

export default defineScenario({
  name: 'flash-sale',
  description: 'A 5-minute flash sale (秒杀) at 10:00: ~20× spike within seconds, sold-out questions after',
  timezone: 'Asia/Shanghai',
  span: { start: '2026-11-11T09:50', end: '2026-11-11T10:10' },
  curve: {
    points: [
      { at: '09:50', perMin: 15_000 },
      { at: '09:58', perMin: 25_000 },
      { at: '10:00', perMin: 30_000 },
      { at: '10:00:05', perMin: 600_000 },
      { at: '10:00:30', perMin: 520_000 },
      { at: '10:01', perMin: 380_000 },
      { at: '10:02', perMin: 200_000 },
      { at: '10:03', perMin: 90_000 },
      { at: '10:05', perMin: 30_000 },
      { at: '10:10', perMin: 15_000 },
    ],
  },
  basePhase: 'warm-up',
  mix: { 'product.stock': 20, 'promo.rules': 12, 'product.info': 10, 'order.place': 6 },
  phases: [
    {
      name: 'sale',
      from: '10:00',
      to: '10:05',
      mix: {
        'product.stock': 25,
        'order.place': 18,
        'payment.issue': 12,
        'promo.rules': 8,
        complaint: 8,
        'human.request': 6,
        'logistics.track': 2,
        'aftersale.return': 1,
      },
      behaviour: { patienceSec: 20, angerShare: 0.15, turnsMean: 2.2 },
    },
  ],
  behaviour: { zhShare: 0.99 },
  run: { speed: 1, scale: 0.01 },
});
