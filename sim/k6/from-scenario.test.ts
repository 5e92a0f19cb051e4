import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../server/bot/types.ts';
import { curveIntegral } from '../scenario/curve.ts';
import { loadScenario } from '../scenario/load.ts';
import { resolveTimeline } from '../scenario/timeline.ts';
import { registerK6Commands } from './cli.ts';
import { k6InputFromScenario } from './from-scenario.ts';
import { curveVolume, stagesVolume } from './k6-stages.ts';

describe('k6InputFromScenario', () => {
  it('keeps every curve point, so the k6 volume is the scenario volume, and fills the phrase slots', async () => {
    const scenario = await loadScenario('flash-sale');
    const t = resolveTimeline(scenario, {});
    const input = k6InputFromScenario(scenario);
    expect(input.name).toBe('flash-sale');
    expect(input.curve[0]!.atSec).toBe(0);
    expect(input.curve.at(-1)!.atSec).toBe((t.endScenarioMs - t.startScenarioMs) / 1000);
    const want = curveIntegral(scenario.curve, t.startScenarioMs, t.endScenarioMs);
    expect(Math.abs(curveVolume(input.curve, 1) - want) / want).toBeLessThan(1e-6);
    const weights = Object.values(input.intentMix);
    expect(weights.reduce((n, w) => n + w, 0)).toBeCloseTo(1, 5);
    expect(Object.keys(input.intentMix).every((i) => (INTENTS as readonly string[]).includes(i))).toBe(true);
    const lines = [...Object.values(input.phrases), ...Object.values(input.followUps ?? {})].flat();
    expect(lines.length).toBeGreaterThan(100);
    expect(lines.filter((l) => /[{}]/.test(l))).toEqual([]);
    expect(k6InputFromScenario(scenario)).toEqual(input);
  });

  it('replays only the --window', async () => {
    const scenario = await loadScenario('flash-sale');
    const input = k6InputFromScenario(scenario, { window: '10:00-10:05' });
    expect(input.start).toBe('2026-11-11T10:00:00+08:00');
    expect(input.curve.at(-1)!.atSec).toBe(300);
  });
});

describe('peakdesk export k6 with the built-in scenarios', () => {
  it('writes stages that integrate to the scenario volume at the chosen scale', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peakdesk-k6-')), 'flash.js');
    const program = new Command().exitOverride();
    registerK6Commands(program);
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      await program.parseAsync(
        ['export', 'k6', 'flash-sale', '--scale', '0.001', '--speed', '60', '--locale', 'en-US', '-o', file],
        { from: 'user' },
      );
    } finally {
      process.stdout.write = write;
    }
    const script = readFileSync(file, 'utf8');
    const options = JSON.parse(/export const options = (\{[\s\S]*?\n\});\n/.exec(script)![1]!) as {
      scenarios: {
        promotion: { startRate: number; timeUnit: string; stages: { duration: string; target: number }[] };
      };
    };
    const s = options.scenarios.promotion;
    const scenario = await loadScenario('flash-sale');
    const t = resolveTimeline(scenario, {});
    const want = curveIntegral(scenario.curve, t.startScenarioMs, t.endScenarioMs) * 0.001;
    expect(Math.abs(stagesVolume(s.startRate, s.timeUnit, s.stages) - want) / want).toBeLessThan(0.005);
    expect(script).toContain('const LOCALE = "en-US";');
    expect(script).toMatch(/"logistics\.track": \[\n\s+"[a-z]/);
  });
});
