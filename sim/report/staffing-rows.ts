// Agents per queue per interval for the report's staffing chart: with the bot, and the plan the same
// traffic would need with no bot (every conversation to a human). Read from staffing.csv as written by
// sim/staffing/plan-format.ts, or passed in by whoever ran the staffing engine.
import { usageError } from '../errors.ts';

export interface StaffingPlanFigures {
  /** Contacts offered to the queue in the interval, at real scale. */
  offered: number;
  /** Agents on the phones (Erlang C/A result). */
  raw: number;
  /** Agents to schedule after shrinkage. */
  scheduled: number;
}

export interface StaffingRow extends StaffingPlanFigures {
  /** Interval start as written ("2026-11-11 00:00" or ISO 8601); rows with the same start form one bar. */
  start: string;
  queue: string;
  /** The same interval and queue planned without the bot. */
  noBot?: StaffingPlanFigures;
}

/** Splits RFC 4180 CSV (quoted fields, CRLF or LF, optional BOM). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f !== ''));
}

const COLUMNS = {
  start: 'Interval Start',
  queue: 'Queue',
  offered: 'Offered Contacts',
  raw: 'Raw Agents',
  scheduled: 'Scheduled Agents',
  noBotOffered: 'No-Bot Offered Contacts',
  noBotRaw: 'No-Bot Raw Agents',
  noBotScheduled: 'No-Bot Scheduled Agents',
} as const;

/**
 * Rows of staffing.csv. Needs the columns Interval Start, Queue, Offered Contacts, Raw Agents and
 * Scheduled Agents; the no-bot plan comes from No-Bot Offered Contacts / No-Bot Raw Agents /
 * No-Bot Scheduled Agents when present. Throws naming the missing column or the bad cell.
 */
export function parseStaffingCsv(text: string, name = 'staffing.csv'): StaffingRow[] {
  const [header, ...body] = parseCsv(text);
  if (header === undefined) return [];
  const index = (col: string): number => header.indexOf(col);
  for (const col of [COLUMNS.start, COLUMNS.queue, COLUMNS.offered, COLUMNS.raw, COLUMNS.scheduled]) {
    if (index(col) < 0) throw usageError(`${name}: missing column "${col}" (header: ${header.join(', ')})`);
  }
  const hasNoBot = [COLUMNS.noBotOffered, COLUMNS.noBotRaw, COLUMNS.noBotScheduled].every(
    (c) => index(c) >= 0,
  );
  return body.map((cells, r) => {
    const num = (col: string): number => {
      const raw = cells[index(col)] ?? '';
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n))
        throw usageError(`${name} line ${r + 2}: "${col}" must be a number, got "${raw}"`);
      return n;
    };
    const row: StaffingRow = {
      start: cells[index(COLUMNS.start)] ?? '',
      queue: cells[index(COLUMNS.queue)] ?? '',
      offered: num(COLUMNS.offered),
      raw: num(COLUMNS.raw),
      scheduled: num(COLUMNS.scheduled),
    };
    if (hasNoBot)
      row.noBot = {
        offered: num(COLUMNS.noBotOffered),
        raw: num(COLUMNS.noBotRaw),
        scheduled: num(COLUMNS.noBotScheduled),
      };
    return row;
  });
}

/**
 * Joins the no-bot plan (staffing-nobot.csv, same columns) onto the with-bot rows by interval and queue;
 * a queue only the no-bot plan has (the bot hands nothing to it) gets a with-bot row of zeros.
 */
export function withNoBotPlan(rows: readonly StaffingRow[], noBot: readonly StaffingRow[]): StaffingRow[] {
  const key = (r: StaffingRow): string => `${r.start}|${r.queue}`;
  const out = new Map(rows.map((r) => [key(r), { ...r }]));
  for (const nb of noBot) {
    const figures = { offered: nb.offered, raw: nb.raw, scheduled: nb.scheduled };
    const row = out.get(key(nb));
    if (row === undefined)
      out.set(key(nb), {
        start: nb.start,
        queue: nb.queue,
        offered: 0,
        raw: 0,
        scheduled: 0,
        noBot: figures,
      });
    else row.noBot = figures;
  }
  return [...out.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
