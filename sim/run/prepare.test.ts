import { describe, expect, it } from 'vitest';
import { solveAgents } from '../staffing/solve-agents.ts';
import { prepareScenario } from './prepare.ts';

describe('prepareScenario', () => {
  it('answers the live agents asked every second the same as a cold solve, seeded by the last answer', async () => {
    const prepared = await prepareScenario('double11', { seed: 1, storeSeed: 20261111 });
    // a real-scale hand-off rate per minute rising into a spike and falling again, as the dashboard asks it
    const rates = [0, 120, 900, 5_000, 31_000, 58_000, 57_300, 40_000, 12_000, 3_000, 3_010, 0, 250];
    for (const queue of prepared.queues) {
      const staffing = prepared.scenario.staffing[queue];
      if (staffing === undefined) continue;
      for (const perMin of rates) {
        const cold = solveAgents({ ...staffing, arrivalRatePerSec: perMin / 60 }).scheduled;
        expect(prepared.agentsFor(queue, perMin), `${queue} at ${perMin}/min`).toBe(cold);
      }
    }
  });
});
