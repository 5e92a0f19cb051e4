import { describe, expect, it } from 'vitest';
import { defineScenario } from './define.ts';
import { phaseAt, phaseIndexAt } from './phases.ts';

const nov11 = Date.UTC(2026, 10, 10, 16); // 2026-11-11T00:00+08:00
const H = 3_600_000;

const s = defineScenario({
  name: 'phases',
  description: 'two phases with a gap',
  span: '2026-11-11',
  curve: { points: [{ at: '00:00', perMin: 1 }] },
  phases: [
    { name: 'late', from: '20:00', to: '24:00', behaviour: { patienceSec: 5 } },
    { name: 'early', from: '00:00', to: '01:00' },
  ],
});

describe('phaseAt', () => {
  it('holds [from, to): at the boundary and one ms before', () => {
    expect(phaseIndexAt(s, nov11)).toBe(0);
    expect(phaseIndexAt(s, nov11 + H - 1)).toBe(0);
    expect(phaseIndexAt(s, nov11 + H)).toBe(-1);
    expect(phaseIndexAt(s, nov11 + 20 * H - 1)).toBe(-1);
    expect(phaseIndexAt(s, nov11 + 20 * H)).toBe(1);
    expect(phaseIndexAt(s, nov11 + 24 * H)).toBe(-1);
  });

  it('returns the settings that hold', () => {
    expect(phaseAt(s, nov11 + 12 * H)).toBe(s.base);
    expect(phaseAt(s, nov11 + 21 * H).name).toBe('late');
    expect(phaseAt(s, nov11 + 21 * H).behaviour.patienceSec).toBe(5);
  });
});
