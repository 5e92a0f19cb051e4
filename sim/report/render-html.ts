// report.html: one self-contained page for capacity planners, charts inlined as SVG, in zh or en.
import type { LatencySummaryMs } from '../metrics/latency.ts';
import {
  byIntentOption,
  latencyOverTimeOption,
  outcomesOverTimeOption,
  percentileOption,
  renderSvg,
  staffingOption,
  trafficOption,
} from './charts.ts';
import { type Lang, QUEUE_NAMES, TEXTS, type Texts } from './i18n.ts';
import { collectSamples, risingIntents, type TermCount, topTerms } from './insights.ts';
import type { PartialReason, RunData } from './load-run-dir.ts';
import type { StaffingRow } from './staffing-rows.ts';

export interface ReportOptions {
  /** @default 'zh' */
  lang?: Lang;
  /** Staffing plan rows when not read from staffing.csv (the staffing engine's output). @default data.staffing */
  staffing?: readonly StaffingRow[] | null;
}

export const reportDefaults = { lang: 'zh' } as const satisfies Pick<Required<ReportOptions>, 'lang'>;

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** 12,345 / 1.5 — grouped, at most `digits` decimals. */
export function fmtNum(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function fmtPct(ratio: number | null, digits = 1): string {
  return ratio === null || Number.isNaN(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${fmtNum(ms / 1000, 3)} s` : `${fmtNum(ms, 3)} ms`;
}

/** A threshold's actual value in its unit (ms or %); summary.json stores NaN as null. */
export function thresholdActual(expr: string, actual: number | null): string {
  if (actual === null || Number.isNaN(actual)) return '—';
  const metric = /^\s*([A-Za-z_][A-Za-z0-9_.]*)/.exec(expr)?.[1]?.toLowerCase() ?? '';
  return /^(p\d|max|mean|avg)/.test(metric) ? fmtMs(actual) : fmtPct(actual, 2);
}

const PARTIAL_TEXT: Record<PartialReason, keyof Texts> = {
  'no-summary': 'partialNoSummary',
  incomplete: 'partialIncomplete',
  'truncated-line': 'partialTruncated',
};

function table(head: readonly string[], rows: readonly (readonly string[])[], cls = ''): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table class="${cls}"><thead><tr>${th}</tr></thead><tbody>\n${tr}\n</tbody></table>`;
}

function chart(svg: string): string {
  return `<figure class="chart">${svg}</figure>`;
}

function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}

function latencyRow(l: LatencySummaryMs): string[] {
  return [
    fmtNum(l.count, 0),
    fmtMs(l.p50),
    fmtMs(l.p90),
    fmtMs(l.p99),
    fmtMs(l.p999),
    fmtMs(l.max),
    fmtMs(l.mean),
  ];
}

function terms(title: string, list: readonly TermCount[], t: Texts): string {
  const body =
    list.length === 0
      ? note(t.noSamples)
      : table(
          [t.term, t.count],
          list.map((x) => [x.term, fmtNum(x.count, 0)]),
          'terms',
        );
  return `<div class="col"><h3>${escapeHtml(title)}</h3>${body}</div>`;
}

const CSS = `
body{font-family:-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f6f8;color:#1d2330}
main{max-width:1000px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #d6dae2;padding-bottom:4px}h3{font-size:14px;margin:12px 0 6px}
.meta{color:#556;font-size:13px;margin:0}
.banner{background:#fff1e6;border:2px solid #e8684a;color:#9a2d12;padding:12px 16px;margin:16px 0;border-radius:6px}
.banner strong{font-size:16px;display:block}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px}
.card{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:10px 12px}
.card .k{font-size:12px;color:#667}.card .v{font-size:20px;font-weight:600;margin-top:2px}
table{border-collapse:collapse;background:#fff;font-size:13px;margin:6px 0}
th,td{border:1px solid #dde1e8;padding:4px 10px;text-align:right}th{background:#eef1f6}
td:first-child,th:first-child{text-align:left}
.ok{color:#1b7f3a;font-weight:600}.bad{color:#c0321a;font-weight:600}
figure.chart{background:#fff;border:1px solid #dde1e8;border-radius:6px;margin:10px 0;padding:4px;overflow-x:auto}
figure.chart svg{display:block;max-width:100%;height:auto}
.cols{display:flex;gap:24px;flex-wrap:wrap}.col{flex:1;min-width:260px}
.note{color:#667;font-size:13px}
footer{color:#889;font-size:12px;margin-top:32px}
`;

/** The whole report as one HTML document. */
export function renderReportHtml(data: RunData, options: ReportOptions = {}): string {
  const lang = options.lang ?? reportDefaults.lang;
  const t = TEXTS[lang];
  const { meta, summary: s } = data;
  const a = s.accounting;
  const staffing = options.staffing !== undefined ? options.staffing : data.staffing;
  const o = meta.options;

  const banner =
    data.partial.length === 0
      ? ''
      : `<div class="banner" id="partial"><strong>${escapeHtml(t.partialBanner)}</strong>${data.partial
          .map((r) => escapeHtml(t[PARTIAL_TEXT[r]]))
          .join('<br>')}</div>`;

  const card = (k: string, v: string): string =>
    `<div class="card"><div class="k">${escapeHtml(k)}</div><div class="v">${escapeHtml(v)}</div></div>`;
  const errorCount = Object.values(s.errors).reduce((n, x) => n + x, 0);
  const cards = [
    card(t.arrivals, fmtNum(a.arrivals, 0)),
    card(t.resolved, fmtNum(a.resolved, 0)),
    card(t.handedOff, fmtNum(a.handedOff, 0)),
    card(t.abandoned, fmtNum(a.abandoned, 0)),
    card(t.failed, fmtNum(a.failed, 0)),
    card(t.dropped, fmtNum(a.dropped, 0)),
    card(t.inFlight, fmtNum(a.inFlightAtStop, 0)),
    card(t.botResolution, fmtPct(s.botResolution)),
    card(t.messages, fmtNum(s.messages, 0)),
    card(t.errors, fmtNum(errorCount, 0)),
    card('p50', fmtMs(s.latency.p50)),
    card('p99', fmtMs(s.latency.p99)),
  ].join('');

  const thresholds =
    s.thresholds.length === 0
      ? note(t.noThresholds)
      : `<table><thead><tr><th>${escapeHtml(t.expr)}</th><th>${escapeHtml(t.actual)}</th><th></th></tr></thead><tbody>${s.thresholds
          .map(
            (r) =>
              `<tr><td>${escapeHtml(r.expr)}</td><td>${escapeHtml(thresholdActual(r.expr, r.actual))}</td><td class="${r.ok ? 'ok' : 'bad'}">${escapeHtml(r.ok ? t.pass : t.fail)}</td></tr>`,
          )
          .join('')}</tbody></table>`;

  const queues = Object.entries(s.handoffsByQueue).sort((x, y) => y[1] - x[1]);
  const intentRows = Object.entries(s.byIntent)
    .sort((x, y) => y[1].arrivals - x[1].arrivals)
    .map(([intent, c]) => [
      intent,
      fmtNum(c.arrivals, 0),
      fmtNum(c.resolved, 0),
      fmtNum(c.handedOff, 0),
      fmtNum(c.abandoned, 0),
      fmtNum(c.failed, 0),
      fmtPct(c.resolution),
      c.latency.count === 0 ? '—' : fmtMs(c.latency.p99),
    ]);

  const rising = risingIntents(data.intervals, o.scale);
  const samples = collectSamples(data.intervals);

  const sections = [
    `<h2>${escapeHtml(t.sectionTraffic)}</h2>`,
    data.seconds.length === 0 ? note('—') : chart(renderSvg(trafficOption(data.seconds, t))),
    `<h2>${escapeHtml(t.latency)}</h2>`,
    table(['n', 'p50', 'p90', 'p99', 'p99.9', 'max', 'mean'], [latencyRow(s.latency)]),
    data.seconds.some((x) => x.latency.count > 0)
      ? chart(renderSvg(latencyOverTimeOption(data.seconds, t)))
      : '',
    data.latency === null || data.latency.totalCount === 0
      ? note(t.noLatency)
      : chart(renderSvg(percentileOption(data.latency, t))),
    `<h2>${escapeHtml(t.sectionBot)}</h2>`,
    Object.keys(s.byIntent).length === 0
      ? ''
      : chart(renderSvg(byIntentOption(s.byIntent, t), undefined, 120 + 26 * Object.keys(s.byIntent).length)),
    data.seconds.length === 0 ? '' : chart(renderSvg(outcomesOverTimeOption(data.seconds, t))),
    `<h3>${escapeHtml(t.intents)}</h3>`,
    table(
      [t.intent, t.arrivals, t.resolved, t.handedOff, t.abandoned, t.failed, t.resolution, 'p99'],
      intentRows,
    ),
    `<h3>${escapeHtml(t.handoffsByQueue)}</h3>`,
    table(
      [t.queue, t.handedOff],
      queues.map(([q, n]) => [`${QUEUE_NAMES[lang][q] ?? q} (${q})`, fmtNum(n, 0)]),
    ),
    `<h2>${escapeHtml(t.sectionStaffing)}</h2>`,
    staffing === null || staffing.length === 0
      ? note(t.noStaffing)
      : chart(renderSvg(staffingOption(staffing, t, lang))),
    `<h2>${escapeHtml(t.insights)}</h2>`,
    `<h3>${escapeHtml(t.rising)}</h3>`,
    rising.length === 0
      ? note(t.noRising)
      : table(
          [t.intent, t.intervalStart, t.from, t.to, t.factor],
          rising.map((r) => [
            r.intent,
            r.start,
            fmtNum(r.from),
            fmtNum(r.to),
            r.factor === null ? t.newIntent : `×${fmtNum(r.factor)}`,
          ]),
        ),
    `<div class="cols">${terms(t.unresolvedTerms, topTerms(samples.unresolved), t)}${terms(t.angryTerms, topTerms(samples.angry), t)}</div>`,
  ];

  const optionText = [
    `speed ${o.speed}`,
    `scale ${o.scale}`,
    `seed ${o.seed}`,
    o.window === undefined ? '' : `window ${o.window}`,
    `target ${o.target}`,
    `drivers ${o.drivers}`,
  ]
    .filter((x) => x !== '')
    .join(' · ');

  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${t.title} — ${meta.runId}`)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<p class="meta">${escapeHtml(t.run)}: ${escapeHtml(meta.runId)} · ${escapeHtml(t.scenario)}: ${escapeHtml(meta.scenario.name)} — ${escapeHtml(meta.scenario.description)}</p>
<p class="meta">${escapeHtml(t.window)}: ${escapeHtml(s.scenarioSpan.start)} → ${escapeHtml(s.scenarioSpan.end)} (${escapeHtml(meta.scenario.timezone)}) · ${escapeHtml(t.started)}: ${escapeHtml(meta.startedAt)}</p>
<p class="meta">${escapeHtml(t.options)}: ${escapeHtml(optionText)}</p>
${banner}
<h2>${escapeHtml(t.overview)}</h2>
<div class="cards">${cards}</div>
<p class="${a.balanced ? 'ok' : 'bad'}">${escapeHtml(a.balanced ? t.balanced : t.notBalanced)}: ${fmtNum(a.arrivals, 0)} = ${fmtNum(a.resolved, 0)} + ${fmtNum(a.handedOff, 0)} + ${fmtNum(a.abandoned, 0)} + ${fmtNum(a.failed, 0)} + ${fmtNum(a.dropped, 0)} + ${fmtNum(a.inFlightAtStop, 0)}</p>
<h2>${escapeHtml(t.thresholds)}</h2>
${thresholds}
${sections.join('\n')}
<footer>${escapeHtml(t.generated)} · peakdesk ${escapeHtml(meta.versions.peakdesk)} · node ${escapeHtml(meta.versions.node)} · ${escapeHtml(t.machine)}: ${escapeHtml(`${meta.machine.cpuModel} ×${meta.machine.cpus}, ${meta.machine.memoryGiB} GiB, ${meta.machine.platform}/${meta.machine.arch}`)}</footer>
</main>
</body>
</html>
`;
}
