import { describe, expect, it } from 'vitest';
import { planStaffing } from './interval-plan.ts';
import { formatIntervalTime, formatPlanTable, planToCsv } from './plan-format.ts';

// presale is the Call Centre Helper worked example (14 raw, 20 scheduled, SL 88.8%, ASA 7.8 s).
const plan = planStaffing(
  [
    { start: '2026-11-10T16:00:00Z', queue: 'presale', offered: 100 },
    { start: '2026-11-10T16:00:00Z', queue: 'after, sale', offered: 0 },
    { start: '2026-11-10T16:30:00Z', queue: 'after, sale', offered: 100 },
  ],
  {
    presale: { ahtSec: 180, target: { percent: 80, seconds: 20 }, maxOccupancy: 0.85, shrinkage: 0.3 },
    'after, sale': { ahtSec: 180, target: { percent: 80, seconds: 20 }, patienceSec: 300, minAgents: 2 },
  },
);

describe('planToCsv', () => {
  it('writes a BOM, the WFM header and one CRLF row per interval and queue, quoting as RFC 4180', () => {
    expect(planToCsv(plan)).toBe(
      '\uFEFFInterval Start,Interval End,Queue,Offered Contacts,AHT (s),Erlangs,Raw Agents,Scheduled Agents,' +
        'Service Level %,ASA (s),Abandon %,Occupancy %,Binding\r\n' +
        '2026-11-10 16:00,2026-11-10 16:30,"after, sale",0,180,0.00,2,2,100.0,0.0,0.0,0.0,min_agents\r\n' +
        '2026-11-10 16:00,2026-11-10 16:30,presale,100,180,10.00,14,20,88.8,7.8,0.0,71.4,service_level\r\n' +
        '2026-11-10 16:30,2026-11-10 17:00,"after, sale",100,180,10.00,13,13,85.8,6.9,2.5,75.0,service_level\r\n',
    );
  });

  // 10 contacts / 30 min at 180 s = 1 E on 3 agents: B = 1/16, C = 0.0909, SL = 1 − C·e^(−40/180) = 92.7%.
  it('writes times in the given zone and leaves an infinite ASA empty', () => {
    const unstable = planStaffing([{ start: 0, queue: 'q', offered: 10 }], {
      q: { ahtSec: 180, target: { percent: 80, seconds: 20 } },
    });
    const row = unstable.rows[0];
    if (row === undefined) throw new Error('no row');
    const csv = planToCsv(
      { ...unstable, rows: [{ ...row, raw: 0, asaSeconds: Number.POSITIVE_INFINITY }] },
      {
        timeZone: 'Asia/Shanghai',
      },
    );
    expect(csv.split('\r\n')[1]).toBe(
      '1970-01-01 08:00,1970-01-01 08:30,q,10,180,1.00,0,3,92.7,,0.0,33.3,service_level',
    );
  });
});

describe('formatPlanTable', () => {
  it('aligns the rows and adds peaks and agent-hours', () => {
    expect(formatPlanTable(plan, { timeZone: 'Asia/Shanghai' })).toBe(
      [
        'Interval          Queue        Offered  AHT s  Erlangs  Raw  Sched   SL %  ASA s  Aband %  Occ %  Binding',
        '2026-11-11 00:00  after, sale        0    180     0.00    2      2  100.0    0.0      0.0    0.0  min_agents',
        '2026-11-11 00:00  presale          100    180    10.00   14     20   88.8    7.8      0.0   71.4  service_level',
        '2026-11-11 00:30  after, sale      100    180    10.00   13     13   85.8    6.9      2.5   75.0  service_level',
        '',
        'Peak agents: 16 raw, 22 scheduled (at 2026-11-11 00:00)',
        '  after, sale: 13 raw, 13 scheduled (at 2026-11-11 00:30)',
        '  presale: 14 raw, 20 scheduled (at 2026-11-11 00:00)',
        'Agent-hours: 14.5 raw, 17.5 scheduled (30-minute intervals, 200 contacts)',
        '',
      ].join('\n'),
    );
  });

  it('formatIntervalTime writes YYYY-MM-DD HH:mm in 24-hour time', () => {
    expect(formatIntervalTime(Date.parse('2026-06-18T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-06-19 00:00');
    expect(formatIntervalTime(Date.parse('2026-06-18T23:45:00Z'), 'UTC')).toBe('2026-06-18 23:45');
  });
});
