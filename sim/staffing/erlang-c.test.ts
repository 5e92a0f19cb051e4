import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, erlangCWait } from './erlang-c.ts';

describe('erlangB', () => {
  // Erlang B tables (e.g. Cooper, Introduction to Queueing Theory, Table 3): B(10, 10 E) = 0.2146,
  // B(5, 3 E) = 0.1101.
  it('matches the published table values', () => {
    expect(erlangB(10, 10)).toBeCloseTo(0.2146, 4);
    expect(erlangB(5, 3)).toBeCloseTo(0.1101, 4);
  });

  it('is 1 with no servers', () => {
    expect(erlangB(0, 4)).toBe(1);
  });
});

describe('erlangC', () => {
  // Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example"; the same vector
  // is pyworkforce's README example (ErlangC(transactions=100, aht=3, interval=30, asa=20/60)):
  // 100 contacts per 30 min, AHT 180 s → 10 erlangs; 14 agents, T = 20 s.
  it('reproduces the worked example: P(wait) 0.1741, SL 0.8884, ASA 7.84 s, occupancy 71.43%', () => {
    const m = erlangC({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, servers: 14, targetSeconds: 20 });
    expect(m.erlangs).toBeCloseTo(10, 12);
    expect(m.pWait).toBeCloseTo(0.1741319335950498, 14);
    expect(m.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
    expect(m.asaSeconds).toBeCloseTo(7.84, 2);
    expect(m.occupancy).toBeCloseTo(0.7143, 4);
    expect(m.pAbandon).toBe(0);
  });

  it('13 agents miss 80/20 on the same load (SL 0.7956), which is why 14 are needed', () => {
    const m = erlangC({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, servers: 13, targetSeconds: 20 });
    expect(m.serviceLevel).toBeCloseTo(0.7956, 4);
    expect(m.pWait).toBeCloseTo(0.2853, 4);
  });

  // CRAN package ErlangC 0.1.0 README, calculate_agents(100 calls / 30 min, 180 s, 20 s) search
  // table, first row: 11 agents → wait_probability 0.6821182, service_level 0.3896138.
  it('matches the ErlangC (CRAN) search table at 11 agents', () => {
    const m = erlangC({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, servers: 11, targetSeconds: 20 });
    expect(m.pWait).toBeCloseTo(0.6821182, 7);
    expect(m.serviceLevel).toBeCloseTo(0.3896138, 7);
  });

  // Erlang C tables: C(10 servers, 8 E) = 0.4092.
  it('matches the C(10, 8) table value', () => {
    expect(erlangCWait(10, 8)).toBeCloseTo(0.4092, 4);
  });

  it('stays finite at 5,000 agents and 4,800 erlangs', () => {
    const m = erlangC({ arrivalRatePerSec: 4800 / 180, ahtSec: 180, servers: 5000, targetSeconds: 20 });
    expect(m.pWait).toBeCloseTo(0.002313809328151, 12);
    expect(m.asaSeconds).toBeCloseTo(0.0020824283953, 11);
    expect(m.occupancy).toBe(0.96);
    expect(Number.isFinite(m.serviceLevel)).toBe(true);
  });

  it('reports an unstable queue as SL 0, P(wait) 1, infinite ASA, occupancy 1', () => {
    const m = erlangC({ arrivalRatePerSec: 100 / 1800, ahtSec: 180, servers: 10, targetSeconds: 20 });
    expect([m.pWait, m.serviceLevel, m.asaSeconds, m.occupancy]).toEqual([1, 0, Number.POSITIVE_INFINITY, 1]);
  });

  it('rejects a non-integer server count', () => {
    expect(() => erlangC({ arrivalRatePerSec: 1, ahtSec: 1, servers: 2.5, targetSeconds: 0 })).toThrow(
      'servers must be an integer >= 0, got 2.5',
    );
  });
});
