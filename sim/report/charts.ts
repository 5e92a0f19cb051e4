// The report's charts as ECharts options built from run data (pure), and their server-side SVG
// rendering, so the report needs no script and no network.
import * as echarts from 'echarts';
import { type Histogram, valuesAtPercentiles } from '../metrics/latency.ts';
import type { RunSummary, SecondRecord } from '../results/records.ts';
import { QUEUE_NAMES, type Texts } from './i18n.ts';
import type { StaffingRow } from './staffing-rows.ts';

export type ChartOption = Record<string, unknown>;

export const CHART_WIDTH = 960;
export const CHART_HEIGHT = 340;

const PALETTE = ['#2f6fdf', '#e8684a', '#5ab06b', '#f2b134', '#8d5fd3', '#34b3c2', '#9a6b4f', '#d45087'];

/** One chart as an inline SVG string. */
export function renderSvg(option: ChartOption, width = CHART_WIDTH, height = CHART_HEIGHT): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: PALETTE, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const base = (title: string): ChartOption => ({
  title: { text: title, left: 8, top: 4, textStyle: { fontSize: 14 } },
  legend: { top: 28, right: 10 },
  grid: { left: 64, right: 24, top: 64, bottom: 48 },
});

/** HH:MM:SS of a scenario time written with its offset (the scenario's wall clock, not the reader's). */
const clock = (iso: string): string => iso.slice(11, 19);

/** Every n-th point so a long run stays a readable SVG; the last point is always kept. */
export function thin<T>(items: readonly T[], max = 1200): T[] {
  if (items.length <= max) return [...items];
  const step = Math.ceil(items.length / max);
  const out = items.filter((_, i) => i % step === 0);
  if (out.at(-1) !== items.at(-1)) out.push(items.at(-1)!);
  return out;
}

export function trafficOption(seconds: readonly SecondRecord[], t: Texts): ChartOption {
  const pts = thin(seconds);
  return {
    ...base(t.traffic),
    xAxis: {
      type: 'category',
      name: t.time,
      nameLocation: 'middle',
      nameGap: 30,
      data: pts.map((s) => clock(s.scenarioTime)),
    },
    yAxis: { type: 'value', name: '/min' },
    series: [
      {
        name: t.curve,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 2 },
        data: pts.map((s) => s.curvePerMin),
      },
      {
        name: t.replayed,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 1 },
        areaStyle: { opacity: 0.15 },
        data: pts.map((s) => s.realArrivalsPerMin),
      },
    ],
  };
}

export function latencyOverTimeOption(seconds: readonly SecondRecord[], t: Texts): ChartOption {
  const pts = thin(seconds.filter((s) => s.latency.count > 0));
  const line = (name: string, pick: (s: SecondRecord) => number): ChartOption => ({
    name,
    type: 'line',
    showSymbol: false,
    data: pts.map((s) => [s.t, pick(s)]),
  });
  return {
    ...base(t.latencyOverTime),
    xAxis: {
      type: 'value',
      name: t.realSeconds,
      nameLocation: 'middle',
      nameGap: 30,
      min: 'dataMin',
      max: 'dataMax',
    },
    yAxis: { type: 'value', name: 'ms' },
    series: [
      line('p50', (s) => s.latency.p50),
      line('p90', (s) => s.latency.p90),
      line('p99', (s) => s.latency.p99),
      line('max', (s) => s.latency.max),
    ],
  };
}

export interface PercentilePoint {
  /** 0..100 */
  percentile: number;
  /** 1 / (1 − p): the log x position. */
  x: number;
  ms: number;
}

/** HdrHistogram's percentile walk: 5 ticks per halving of the distance to 100%, up to 1 / count. */
export function percentileDistribution(h: Histogram, ticksPerHalf = 5): PercentilePoint[] {
  const points: { percentile: number; x: number }[] = [];
  const limit = Math.max(10, h.totalCount);
  for (let k = 0; ; k++) {
    const tail = 2 ** (-k / ticksPerHalf);
    const x = 1 / tail;
    if (x > limit) break;
    points.push({ percentile: 100 * (1 - tail), x });
  }
  // the 0th percentile is the lowest value's bucket: asked of the histogram itself
  const rest = points.slice(1);
  const values = valuesAtPercentiles(
    h,
    rest.map((p) => p.percentile),
  );
  const out: PercentilePoint[] = points.map((p, i) => ({
    ...p,
    ms: (i === 0 ? h.getValueAtPercentile(p.percentile) : (values[i - 1] as number)) / 1000,
  }));
  out.push({ percentile: 100, x: limit, ms: h.maxValue / 1000 });
  return out;
}

const percentLabel = (x: number): string => {
  const p = 100 * (1 - 1 / x);
  return `${Number(p.toFixed(4))}%`;
};

export function percentileOption(h: Histogram, t: Texts): ChartOption {
  const pts = percentileDistribution(h);
  return {
    ...base(t.percentileDist),
    xAxis: {
      type: 'log',
      name: t.percentile,
      nameLocation: 'middle',
      nameGap: 30,
      min: 1,
      logBase: 10,
      axisLabel: { formatter: percentLabel },
    },
    yAxis: { type: 'value', name: 'ms' },
    series: [
      {
        name: 'latency',
        type: 'line',
        step: 'end',
        showSymbol: false,
        areaStyle: { opacity: 0.1 },
        data: pts.map((p) => [p.x, p.ms]),
      },
    ],
    legend: { show: false },
  };
}

export function byIntentOption(byIntent: RunSummary['byIntent'], t: Texts): ChartOption {
  const intents = Object.keys(byIntent).sort(
    (a, b) => (byIntent[a]?.arrivals ?? 0) - (byIntent[b]?.arrivals ?? 0),
  );
  const bar = (name: string, pick: (c: RunSummary['byIntent'][string]) => number): ChartOption => ({
    name,
    type: 'bar',
    stack: 'outcome',
    data: intents.map((i) => pick(byIntent[i]!)),
  });
  return {
    ...base(t.byIntent),
    grid: { left: 150, right: 24, top: 52, bottom: 30 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: intents },
    series: [
      bar(t.resolved, (c) => c.resolved),
      bar(t.handedOff, (c) => c.handedOff),
      bar(t.abandoned, (c) => c.abandoned),
      bar(t.failed, (c) => c.failed),
      bar(t.dropped, (c) => c.dropped),
    ],
  };
}

export interface OutcomeBucket {
  label: string;
  resolution: number | null;
  handoff: number | null;
}

/** Resolution and hand-off shares of the conversations that ended, over buckets of consecutive seconds. */
export function outcomeBuckets(seconds: readonly SecondRecord[], buckets = 60): OutcomeBucket[] {
  const size = Math.max(1, Math.ceil(seconds.length / buckets));
  const out: OutcomeBucket[] = [];
  for (let i = 0; i < seconds.length; i += size) {
    const group = seconds.slice(i, i + size);
    let resolved = 0;
    let handed = 0;
    let ended = 0;
    for (const s of group) {
      resolved += s.resolved;
      handed += s.handedOff;
      ended += s.resolved + s.handedOff + s.abandoned + s.failed;
    }
    const pct = (n: number): number | null => (ended === 0 ? null : Math.round((n / ended) * 1000) / 10);
    out.push({ label: clock(group[0]!.scenarioTime), resolution: pct(resolved), handoff: pct(handed) });
  }
  return out;
}

export function outcomesOverTimeOption(seconds: readonly SecondRecord[], t: Texts): ChartOption {
  const b = outcomeBuckets(seconds);
  return {
    ...base(t.overTime),
    xAxis: {
      type: 'category',
      name: t.time,
      nameLocation: 'middle',
      nameGap: 30,
      data: b.map((x) => x.label),
    },
    yAxis: { type: 'value', name: '%', min: 0, max: 100 },
    series: [
      { name: t.botResolution, type: 'line', connectNulls: false, data: b.map((x) => x.resolution) },
      { name: t.handoffRate, type: 'line', connectNulls: false, data: b.map((x) => x.handoff) },
    ],
  };
}

export function staffingOption(rows: readonly StaffingRow[], t: Texts, lang: 'zh' | 'en'): ChartOption {
  const starts = [...new Set(rows.map((r) => r.start))];
  const queues = [...new Set(rows.map((r) => r.queue))];
  const at = new Map(rows.map((r) => [`${r.start}|${r.queue}`, r]));
  const series: ChartOption[] = queues.map((q) => ({
    name: QUEUE_NAMES[lang][q] ?? q,
    type: 'bar',
    stack: 'agents',
    data: starts.map((s) => at.get(`${s}|${q}`)?.scheduled ?? 0),
  }));
  if (rows.some((r) => r.noBot !== undefined)) {
    series.push({
      name: t.noBot,
      type: 'line',
      step: 'middle',
      lineStyle: { type: 'dashed', width: 2, color: '#333' },
      itemStyle: { color: '#333' },
      data: starts.map((s) =>
        rows.filter((r) => r.start === s).reduce((n, r) => n + (r.noBot?.scheduled ?? 0), 0),
      ),
    });
  }
  return {
    ...base(t.agents),
    xAxis: { type: 'category', data: starts.map((s) => (s.length > 16 ? s.slice(11, 16) : s.slice(-5))) },
    yAxis: { type: 'value', name: lang === 'zh' ? '坐席' : 'agents' },
    series,
  };
}
