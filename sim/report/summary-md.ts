// summary.md: the run in a page of Markdown, for a ticket or a chat thread.
import type { LatencySummaryMs } from '../metrics/latency.ts';
import { type Lang, QUEUE_NAMES, TEXTS } from './i18n.ts';
import type { RunData } from './load-run-dir.ts';
import { fmtMs, fmtNum, fmtPct, thresholdActual } from './render-html.ts';

const cell = (text: string): string => text.replaceAll('|', '\\|');

function mdTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [
    `| ${head.map(cell).join(' | ')} |`,
    `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
  return lines.join('\n');
}

const latencyCells = (l: LatencySummaryMs): string[] => [
  fmtNum(l.count, 0),
  fmtMs(l.p50),
  fmtMs(l.p90),
  fmtMs(l.p99),
  fmtMs(l.p999),
  fmtMs(l.max),
  fmtMs(l.mean),
];

/** Accounting, latency, resolution, hand-offs and thresholds as Markdown. */
export function renderSummaryMd(data: RunData, options: { lang?: Lang } = {}): string {
  const lang = options.lang ?? 'zh';
  const t = TEXTS[lang];
  const { meta, summary: s } = data;
  const a = s.accounting;
  const out: string[] = [];
  out.push(`# ${t.title}: ${meta.runId}`, '');
  if (data.partial.length > 0) {
    out.push(`> **${t.partialBanner}**`);
    for (const r of data.partial)
      out.push(
        `> ${r === 'no-summary' ? t.partialNoSummary : r === 'incomplete' ? t.partialIncomplete : t.partialTruncated}`,
      );
    out.push('');
  }
  out.push(
    `- ${t.scenario}: ${meta.scenario.name} (${s.scenarioSpan.start} → ${s.scenarioSpan.end}, ${meta.scenario.timezone})`,
    `- ${t.options}: speed ${meta.options.speed}, scale ${meta.options.scale}, seed ${meta.options.seed}, target ${meta.options.target}`,
    `- ${t.realSeconds}: ${fmtNum(s.realSeconds, 3)}`,
    '',
    `## ${t.overview}`,
    '',
    mdTable(
      [t.arrivals, t.resolved, t.handedOff, t.abandoned, t.failed, t.dropped, t.inFlight],
      [
        [a.arrivals, a.resolved, a.handedOff, a.abandoned, a.failed, a.dropped, a.inFlightAtStop].map((n) =>
          fmtNum(n, 0),
        ),
      ],
    ),
    '',
    `${a.balanced ? t.balanced : t.notBalanced}. ${t.botResolution}: **${fmtPct(s.botResolution)}** · ${t.messages}: ${fmtNum(s.messages, 0)} · ${t.replies}: ${fmtNum(s.replies, 0)} · ${t.errors}: ${fmtNum(
      Object.values(s.errors).reduce((n, x) => n + x, 0),
      0,
    )}`,
    '',
    `## ${t.latency}`,
    '',
    mdTable(['n', 'p50', 'p90', 'p99', 'p99.9', 'max', 'mean'], [latencyCells(s.latency)]),
    '',
    `## ${t.intents}`,
    '',
    mdTable(
      [t.intent, t.arrivals, t.resolved, t.handedOff, t.resolution],
      Object.entries(s.byIntent)
        .sort((x, y) => y[1].arrivals - x[1].arrivals)
        .map(([i, c]) => [
          i,
          fmtNum(c.arrivals, 0),
          fmtNum(c.resolved, 0),
          fmtNum(c.handedOff, 0),
          fmtPct(c.resolution),
        ]),
    ),
    '',
    `## ${t.handoffsByQueue}`,
    '',
    mdTable(
      [t.queue, t.handedOff],
      Object.entries(s.handoffsByQueue)
        .sort((x, y) => y[1] - x[1])
        .map(([q, n]) => [`${QUEUE_NAMES[lang][q] ?? q} (${q})`, fmtNum(n, 0)]),
    ),
    '',
    `## ${t.thresholds}`,
    '',
    s.thresholds.length === 0
      ? t.noThresholds
      : mdTable(
          [t.expr, t.actual, ''],
          s.thresholds.map((r) => [
            r.expr,
            thresholdActual(r.expr, r.actual),
            r.ok ? `✓ ${t.pass}` : `✗ ${t.fail}`,
          ]),
        ),
    '',
  );
  return out.join('\n');
}
