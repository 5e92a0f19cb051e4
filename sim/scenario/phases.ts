// Which phase holds at a scenario instant: its intent mix and customer behaviour.
import type { PhaseSettings, Scenario } from './types.ts';

/** Index into scenario.phases of the phase holding at `scenarioMs`, or -1 for the base phase. */
export function phaseIndexAt(scenario: Scenario, scenarioMs: number): number {
  const phases = scenario.phases;
  for (let i = 0; i < phases.length; i++) {
    const p = phases[i]!;
    if (scenarioMs < p.fromMs) return -1;
    if (scenarioMs < p.toMs) return i;
  }
  return -1;
}

/** The mix and behaviour that hold at `scenarioMs` (phases are [from, to)). */
export function phaseAt(scenario: Scenario, scenarioMs: number): PhaseSettings {
  const i = phaseIndexAt(scenario, scenarioMs);
  return i < 0 ? scenario.base : scenario.phases[i]!;
}
