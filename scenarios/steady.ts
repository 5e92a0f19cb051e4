// A flat hour for capacity tests: a constant 30,000 new conversations per minute at real scale (an
// ordinary weekday's daytime level for a large marketplace; an assumption, not a published figure)
// with the default intent mix and behaviour. Raise --scale to find the bot's limits.
import { defineScenario } from '../sim/scenario/define.ts';

export default defineScenario({
  name: 'steady',
  description: 'Flat 30,000 conversations/min for one hour, default mix: for capacity tests',
  timezone: 'Asia/Shanghai',
  span: { start: '2026-03-10T10:00', end: '2026-03-10T11:00' },
  curve: { interpolation: 'step', points: [{ at: '10:00', perMin: 30_000 }] },
  run: { speed: 1, scale: 0.002 },
});
