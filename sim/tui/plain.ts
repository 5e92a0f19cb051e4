// Progress output without a terminal UI (CI, pipes, --no-tui): one line every few seconds and a final
// summary table. Plain text only, never ANSI escapes.
import type { LiveFrame } from '../live/frame.ts';
import type { LatencySummaryMs } from '../metrics/latency.ts';
import {
  formatCount,
  formatInt,
  formatLatency,
  formatMs,
  formatPercent,
  formatScale,
  formatSpeed,
} from './format.ts';
import { errorTotal, inFlightGap, queueRows, topIntents } from './frame-view.ts';

/** One progress line: clock, progress, arrivals, open, latency of the last second, bot, hand-offs, agents, errors. */
export function formatProgressLine(frame: LiveFrame): string {
  const { scenario, rates, latency, counts } = frame;
  const agentsNow = frame.agents.now.reduce((sum, q) => sum + q.agents, 0);
  return [
    `[${scenario.clock} ${(scenario.progress * 100).toFixed(1).padStart(5)}%${scenario.paused ? ' PAUSED' : ''}]`,
    `arrivals ${formatCount(rates.arrivalsPerSec)}/s (real ${formatCount(rates.arrivalsPerSecReal)}/s)`,
    `open ${formatInt(frame.open)}`,
    `p50 ${formatLatency(latency.now, latency.now.p50)}`,
    `p99 ${formatLatency(latency.now, latency.now.p99)}`,
    `bot ${formatPercent(frame.bot.resolution)}`,
    `handoffs ${formatInt(counts.handedOff)}`,
    `agents ${formatInt(agentsNow)}`,
    `errors ${formatInt(errorTotal(counts.errors))}`,
    `drops ${formatInt(counts.dropped)}`,
    `late ${formatInt(counts.lateStarts)}`,
  ].join('  ');
}

type Align = 'l' | 'r';

/** Columns padded to their widest cell, two spaces apart, each line indented by two. */
export function textTable(rows: readonly (readonly string[])[], align: readonly Align[]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, cell.length);
  }
  return rows.map(
    (row) =>
      `  ${row
        .map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd()}`,
  );
}

const latencyRow = (label: string, s: LatencySummaryMs): string[] => [
  label,
  ...[s.p50, s.p90, s.p99, s.p999, s.max, s.mean].map((ms) => formatLatency(s, ms)),
  formatInt(s.count),
];

/** The end-of-run summary: accounting, latency, bot resolution by intent, hand-offs and peak agents per queue. */
export function formatFinalSummary(frame: LiveFrame): string {
  const { scenario, counts } = frame;
  const state =
    frame.finished === undefined ? 'stopped' : frame.finished.complete ? 'finished' : 'stopped early';
  const errors = Object.entries(counts.errors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${formatInt(n)}`)
    .join(', ');
  const gap = inFlightGap(frame);
  const out: string[] = [
    `peakdesk · ${scenario.name} · ${state} at ${scenario.clock} (${(scenario.progress * 100).toFixed(1)}%)` +
      ` after ${formatInt(frame.elapsedSec)} s · speed ${formatSpeed(scenario.speed, scenario.paused)}` +
      ` · scale ${formatScale(scenario.scale)}`,
    '',
    'Accounting (simulated conversations)',
    ...textTable(
      [
        ['scheduled', formatInt(counts.scheduled), ''],
        ['resolved by bot', formatInt(counts.resolved), ''],
        ['handed off', formatInt(counts.handedOff), ''],
        ['abandoned', formatInt(counts.abandoned), ''],
        ['failed', formatInt(counts.failed), errors],
        ['dropped', formatInt(counts.dropped), ''],
        [
          'in flight',
          formatInt(frame.open),
          gap === 0 ? 'balanced' : `NOT balanced: off by ${formatInt(gap)}`,
        ],
        ['late starts', formatInt(counts.lateStarts), ''],
      ],
      ['l', 'r', 'l'],
    ),
    '',
    'Latency',
    ...textTable(
      [
        ['', 'p50', 'p90', 'p99', 'p99.9', 'max', 'mean', 'replies'],
        latencyRow('whole run', frame.latency.total),
        latencyRow('last second', frame.latency.now),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Bot resolution ${formatPercent(frame.bot.resolution)}`,
    ...textTable(
      [
        ['intent', 'volume', 'resolved', 'resolution'],
        ...topIntents(frame, frame.bot.byIntent.length).map((i) => [
          i.intent,
          formatInt(i.scheduled),
          formatInt(i.resolved),
          formatPercent(i.resolution),
        ]),
      ],
      ['l', 'r', 'r', 'r'],
    ),
    '',
    'Hand-offs (simulated total, per minute at real scale) and human agents needed (real scale)',
  ];
  const rows = queueRows(frame);
  out.push(
    ...textTable(
      [
        ['queue', 'hand-offs', 'real/min', 'agents now', 'peak agents'],
        ...rows.map((r) => [
          r.queue,
          formatInt(r.handoffs),
          formatInt(r.perMinReal),
          formatInt(r.agentsNow),
          formatInt(r.agentsPeak),
        ]),
        [
          'all queues',
          formatInt(rows.reduce((s, r) => s + r.handoffs, 0)),
          formatInt(rows.reduce((s, r) => s + r.perMinReal, 0)),
          formatInt(rows.reduce((s, r) => s + r.agentsNow, 0)),
          formatInt(frame.agents.peakTotal),
        ],
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
    '  (the all-queue peak is the most agents needed at one time)',
    '',
    frame.finished === undefined
      ? `Generator health: slip p99 ${formatMs(frame.health.slipP99Ms)}, loop lag p99 ${formatMs(frame.health.loopLagP99Ms)}, ${frame.health.drivers} drivers`
      : `Generator health over the run: slip p99 ${formatMs(frame.health.slipP99Ms)}, worst second's loop lag p99 ${formatMs(frame.health.loopLagP99Ms)}, ${frame.health.drivers} drivers`,
  );
  if (frame.finished !== undefined) {
    out.push(
      `Results: ${frame.finished.resultsDir}${frame.finished.complete ? '' : ' (partial: the run was stopped)'}`,
    );
  }
  return out.join('\n');
}
