// Pure renderings of a staffing plan: an aligned terminal table and the CSV that WFM tools
// import (UTF-8 with BOM so spreadsheet programs read it as UTF-8, CRLF as RFC 4180).
import type { PlanRow, StaffingPlan } from './interval-plan.ts';

export interface PlanFormatOptions {
  /** IANA time zone the interval times are written in. @default 'UTC' */
  timeZone?: string;
}

export const planFormatDefaults = { timeZone: 'UTC' } as const satisfies Required<PlanFormatOptions>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD HH:mm" in a time zone. */
export function formatIntervalTime(ms: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const trim = (v: number, digits: number): string => String(Number(v.toFixed(digits)));
const percent = (v: number): string => (v * 100).toFixed(1);
const asa = (v: number): string => (Number.isFinite(v) ? v.toFixed(1) : '');

export const CSV_HEADER = [
  'Interval Start',
  'Interval End',
  'Queue',
  'Offered Contacts',
  'AHT (s)',
  'Erlangs',
  'Raw Agents',
  'Scheduled Agents',
  'Service Level %',
  'ASA (s)',
  'Abandon %',
  'Occupancy %',
  'Binding',
] as const;

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function rowCells(r: PlanRow, timeZone: string): string[] {
  return [
    formatIntervalTime(r.start, timeZone),
    formatIntervalTime(r.end, timeZone),
    r.queue,
    trim(r.offered, 2),
    trim(r.ahtSec, 1),
    r.erlangs.toFixed(2),
    String(r.raw),
    String(r.scheduled),
    percent(r.serviceLevel),
    asa(r.asaSeconds),
    percent(r.pAbandon),
    percent(r.occupancy),
    r.binding,
  ];
}

/** The plan as CSV: BOM, header, one CRLF-terminated row per interval and queue. */
export function planToCsv(plan: StaffingPlan, options: PlanFormatOptions = {}): string {
  const { timeZone } = { ...planFormatDefaults, ...options } satisfies Required<PlanFormatOptions>;
  const lines = [CSV_HEADER.join(',')];
  for (const r of plan.rows) lines.push(rowCells(r, timeZone).map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const TABLE_HEADER = [
  'Interval',
  'Queue',
  'Offered',
  'AHT s',
  'Erlangs',
  'Raw',
  'Sched',
  'SL %',
  'ASA s',
  'Aband %',
  'Occ %',
  'Binding',
];
const LEFT = new Set([0, 1, 11]);

/** The plan as an aligned terminal table, then peaks and agent-hours. */
export function formatPlanTable(plan: StaffingPlan, options: PlanFormatOptions = {}): string {
  const { timeZone } = { ...planFormatDefaults, ...options } satisfies Required<PlanFormatOptions>;
  const body = plan.rows.map((r) => {
    const c = rowCells(r, timeZone);
    return [c[0], ...c.slice(2)] as string[];
  });
  const table = [TABLE_HEADER, ...body];
  const widths = TABLE_HEADER.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
  const line = (row: readonly string[]): string =>
    row
      .map((cell, i) => (LEFT.has(i) ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number)))
      .join('  ')
      .trimEnd();
  const t = plan.totals;
  const when = (at: number | null): string => (at === null ? '—' : formatIntervalTime(at, timeZone));
  const out = table.map(line);
  out.push('');
  out.push(`Peak agents: ${t.peak.raw} raw, ${t.peak.scheduled} scheduled (at ${when(t.peak.at)})`);
  for (const [queue, p] of Object.entries(t.peakByQueue))
    out.push(`  ${queue}: ${p.raw} raw, ${p.scheduled} scheduled (at ${when(p.at)})`);
  out.push(
    `Agent-hours: ${t.agentHours.raw.toFixed(1)} raw, ${t.agentHours.scheduled.toFixed(1)} scheduled ` +
      `(${plan.intervalMinutes}-minute intervals, ${trim(t.offered, 2)} contacts)`,
  );
  return `${out.join('\n')}\n`;
}
