// Pure-code figures for `npm run bench`: the staffing plan of a 96-interval × 4-queue day (target
// < 50 ms) and the agent-pool DES throughput (chats and events per second on one core). Medians of several runs.

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

/** The agent-pool DES on one core: chats and events (arrivals and completions) simulated per second. */
export function desRate(
  chats = 2_000_000,
  runs = 3,
): { chatsPerSec: number; eventsPerSec: number; chats: number; events: number } {
  const chatRates: number[] = [];
  const eventRates: number[] = [];
  let simulated = 0;
  let events = 0;
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    const sim = simulatePool({
      arrivalRatePerSec: 4800 / 180,
      ahtSec: 180,
      agents: 4850,
      targetSeconds: 20,
      chats,
      rng: createRng(k + 1),
    });
    const seconds = (performance.now() - t) / 1000;
    simulated = sim.simulatedChats;
    events = sim.events;
    chatRates.push(simulated / seconds);
    eventRates.push(sim.events / seconds);
  }
  return {
    chatsPerSec: Math.round(median(chatRates)),
    eventsPerSec: Math.round(median(eventRates)),
    chats: simulated,
    events,
  };
}
