import { describe, expect, it } from 'vitest';
import { planFromScenario, savingLine, simulationTable, staffingRows } from './plan.ts';

describe('plans from a scenario', () => {
  it('plans with and without the bot, and the bot saves agent-hours', async () => {
    const pair = await planFromScenario('steady', undefined, { intervalMinutes: 30 });
    expect(pair.withBot.rows.map((r) => r.queue).sort()).toEqual([
      'aftersale',
      'aftersale',
      'complaints',
      'complaints',
      'logistics',
      'logistics',
      'presale',
      'presale',
    ]);
    expect(pair.noBot.totals.agentHours.scheduled).toBeGreaterThan(pair.withBot.totals.agentHours.scheduled);
    expect(savingLine(pair)).toMatch(
      /^with the bot: [\d,]+ scheduled agent-hours, peak [\d,]+ agents; without it: [\d,]+ agent-hours, peak [\d,]+; the bot saves [\d,]+ agent-hours \(\d+\.\d%\)$/,
    );
    const rows = staffingRows(pair);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.noBot !== undefined && r.noBot.offered >= r.offered)).toBe(true);
  });

  it('checks each interval with the DES, which agrees with the formula within its confidence interval', async () => {
    const pair = await planFromScenario('steady', undefined, {
      intervalMinutes: 60,
      target: { percent: 80, seconds: 20 },
    });
    const table = simulationTable(pair, 7, 40_000).split('\n');
    expect(table[0]).toMatch(
      /^interval\s+queue\s+agents\s+SL formula\s+SL simulated\s+abandon formula\s+abandon simulated$/,
    );
    expect(table).toHaveLength(1 + pair.withBot.rows.filter((r) => r.offered > 0 && r.raw > 0).length);
    for (const line of table.slice(1)) {
      const m = /(\d+\.\d)%\s+(\d+\.\d)% ±(\d+\.\d)/.exec(line);
      expect(m, line).not.toBeNull();
      const [formula, simulated, half] = [Number(m?.[1]), Number(m?.[2]), Number(m?.[3])];
      expect(Math.abs(formula - simulated), line).toBeLessThanOrEqual(half + 1.5);
    }
  });
});
