// The Double-11 midnight at real speed: the last ten minutes of 10 November and the first thirty of
// 11 November. The rush shape and its sources are in double11-shared.ts (orders crest at 00:00:26
// [Alibaba 2020]; ~300 M service dialogues on the day [Xinhua 2019]).
import { defineScenario } from '../sim/scenario/define.ts';
import {
  DOUBLE11_BOT_RESOLUTION,
  MIDNIGHT_MIX,
  MIDNIGHT_RUSH_POINTS,
  PRE_MIDNIGHT_PER_MIN,
  RUSH_BEHAVIOUR,
} from './double11-shared.ts';

const UNTIL_0030 = MIDNIGHT_RUSH_POINTS.filter((p) => p.at <= '00:30');

export default defineScenario({
  name: 'double11-peak',
  description: 'Double 11 midnight at real speed: 23:50 countdown, the 00:00 rush and its first 30 minutes',
  timezone: 'Asia/Shanghai',
  span: { start: '2026-11-10T23:50', end: '2026-11-11T00:30' },
  curve: {
    points: [
      { at: '23:50', perMin: 0.8 * PRE_MIDNIGHT_PER_MIN },
      { at: '23:59', perMin: PRE_MIDNIGHT_PER_MIN },
      ...UNTIL_0030,
    ],
  },
  basePhase: 'countdown',
  // Before midnight: carts are filled, coupons claimed, rules checked.
  mix: {
    'promo.rules': 18,
    'promo.coupon_issue': 10,
    'product.stock': 10,
    'product.info': 10,
    'order.place': 4,
    'logistics.track': 6,
  },
  phases: [
    { name: 'midnight-rush', from: '00:00', to: '00:30', mix: MIDNIGHT_MIX, behaviour: RUSH_BEHAVIOUR },
  ],
  behaviour: { zhShare: 0.98, patienceSec: 45 },
  botResolution: DOUBLE11_BOT_RESOLUTION,
  staffing: { presale: { concurrency: 4, ahtSec: 140, ahtByConcurrency: [95, 115, 130, 140] } },
  run: { speed: 1, scale: 0.005 },
});
