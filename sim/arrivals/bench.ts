// Arrival-generation speed: `node bin/run-ts.js sim/arrivals/bench.ts [scenario] [scale] [speed]`.
// Draws the whole run in 250 ms windows (as the load engine asks) and prints arrivals per CPU second.

import { loadScenario } from '../scenario/load.ts';
import { resolveTimeline } from '../scenario/timeline.ts';
import { createRng } from '../util/rng.ts';
import { arrivalsBetween, createArrivalPlan } from './arrivals.ts';

const [name = 'double11', scale = '0.003', speed = '720'] = process.argv.slice(2);
const scenario = await loadScenario(name);
const timeline = resolveTimeline(scenario, { scale: Number(scale), speed: Number(speed) });
for (let round = 1; round <= 5; round++) {
  const plan = createArrivalPlan(scenario, timeline, createRng(round));
  const cpu = process.cpuUsage();
  const wall = performance.now();
  let n = 0;
  for (let w = 0; w < timeline.durationWallMs; w += 250) n += arrivalsBetween(plan, w, w + 250).length;
  const wallMs = performance.now() - wall;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(
    `${name} scale ${scale} speed ${speed}: ${n} arrivals, ${cpuMs.toFixed(0)} ms CPU ` +
      `(${Math.round((n / cpuMs) * 1000).toLocaleString('en-US')}/s), ${wallMs.toFixed(0)} ms wall\n`,
  );
}
