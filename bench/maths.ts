// Pure-code figures for `npm run bench`: the staffing plan of a 96-interval × 4-queue day (target
// < 50 ms) and the agent-pool DES throughput (chats per second on one core). Medians of several runs.

import { simulatePool } from '../sim/staffing/agent-pool-sim.ts';
import { type IntervalDemand, planStaffing, type QueueStaffing } from '../sim/staffing/interval-plan.ts';
import { createRng } from '../sim/util/rng.ts';
import { median } from './stats.ts';

export function planDayMs(runs = 9): { medianMs: number; minMs: number; rows: number } {
  const queues: Record<string, QueueStaffing> = {
    presale: { ahtByConcurrency: [180, 210, 260], target: { percent: 80, seconds: 30 }, maxOccupancy: 0.85 },
    logistics: { ahtSec: 240, target: { percent: 80, seconds: 20 }, patienceSec: 300, shrinkage: 0.3 },
    aftersale: { ahtSec: 420, target: { percent: 80, seconds: 60 }, patienceSec: 600, maxOccupancy: 0.9 },
    complaints: { ahtSec: 600, target: { percent: 90, seconds: 60 }, shrinkage: 0.3, minAgents: 2 },
  };
  const base = { presale: 2000, logistics: 1500, aftersale: 800, complaints: 100 };
  const day: IntervalDemand[] = [];
  for (let i = 0; i < 96; i++) {
    for (const [queue, b] of Object.entries(base)) {
      day.push({
        start: i * 900_000,
        queue,
        offered: Math.round(b * (1 + Math.sin((i / 96) * 2 * Math.PI))),
      });
    }
  }
  planStaffing(day, queues, { intervalMinutes: 15 });
  const times: number[] = [];
  let rows = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    rows = planStaffing(day, queues, { intervalMinutes: 15 }).rows.length;
    times.push(performance.now() - t);
  }
  return {
    medianMs: Math.round(median(times) * 100) / 100,
    minMs: Math.round(Math.min(...times) * 100) / 100,
    rows,
  };
}

export function desChatsPerSec(chats = 2_000_000, runs = 3): { medianPerSec: number; chats: number } {
  const rates: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    simulatePool({
      arrivalRatePerSec: 4800 / 180,
      ahtSec: 180,
      agents: 4850,
      targetSeconds: 20,
      chats,
      rng: createRng(k + 1),
    });
    rates.push((chats * 1.1) / ((performance.now() - t) / 1000));
  }
  return { medianPerSec: Math.round(median(rates)), chats };
}
