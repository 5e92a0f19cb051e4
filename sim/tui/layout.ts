// Which panels fit the terminal, and how many histogram and intent rows each gets.

export type PanelSet = 'traffic' | 'bot';

/** Rows of fixed height around the panels: header, health line, footer. */
export const CHROME_ROWS = 3;
/** Traffic panel: title, curve, cursor marker, arrivals, messages. */
export const TRAFFIC_ROWS = 5;
/** Latency panel around the histogram: title and the p99 history line. */
export const LATENCY_EXTRA_ROWS = 2;
/** The percentile table beside the histogram: header and six rows. */
export const PERCENTILE_ROWS = 7;
/** Bot panel around the intent rows: title and column header. */
export const BOT_EXTRA_ROWS = 2;
/** Agents panel around the queue rows: title, column header, total. */
export const AGENTS_EXTRA_ROWS = 3;
/** Below this width the two panel sets do not go side by side. */
export const SIDE_BY_SIDE_MIN_COLUMNS = 120;
const MIN_HISTOGRAM_ROWS = 4;
const MIN_INTENT_ROWS = 3;

/** Tallest the curve and the p99 history get when rows are to spare. */
export const MAX_CURVE_ROWS = 8;
export const MAX_P99_ROWS = 4;
/** Histogram rows kept even while the run has filled fewer buckets, so the layout does not jump. */
const STEADY_HISTOGRAM_ROWS = 12;

export interface DashboardLayout {
  /** tabs: one panel set at a time; side: both side by side; stacked: both, one above the other. */
  mode: 'tabs' | 'side' | 'stacked';
  /** Width of the traffic+latency column; in tabs and stacked modes, the whole width. */
  leftWidth: number;
  /** Width of the bot+agents column. */
  rightWidth: number;
  /** Rows of the traffic curve and of the p99 history. */
  curveRows: number;
  p99Rows: number;
  /** Rows the latency histogram may use (it folds buckets to fit). */
  histogramRows: number;
  /** Intents shown, by volume. */
  intentRows: number;
}

export interface LayoutNeeds {
  queues: number;
  /** Rows the latency histogram has unfolded: its non-empty span of buckets. */
  histogramSpan: number;
}

export const SIDE_GAP = 2;

type TrafficRows = Pick<DashboardLayout, 'curveRows' | 'p99Rows' | 'histogramRows'>;

/** Splits `available` rows of the traffic+latency column: the histogram first, then taller charts. */
function trafficRows(available: number, histogramSpan: number): TrafficRows {
  const base = TRAFFIC_ROWS + LATENCY_EXTRA_ROWS;
  const wanted = Math.max(STEADY_HISTOGRAM_ROWS, histogramSpan);
  const histogramRows = Math.max(MIN_HISTOGRAM_ROWS, Math.min(wanted, available - base));
  const spare = Math.max(0, available - base - Math.max(PERCENTILE_ROWS, histogramRows));
  const curveExtra = Math.min(MAX_CURVE_ROWS - 1, Math.ceil((spare * 2) / 3));
  const p99Extra = Math.min(MAX_P99_ROWS - 1, spare - curveExtra);
  return { curveRows: 1 + curveExtra, p99Rows: 1 + p99Extra, histogramRows };
}

/**
 * Lays the dashboard out in `rows − 1` lines at most: Ink clears the whole screen on every frame whose
 * output reaches the terminal's height, which flickers.
 */
export function layoutFor(columns: number, rows: number, needs: LayoutNeeds): DashboardLayout {
  const body = rows - 1 - CHROME_ROWS;
  const agentsRows = AGENTS_EXTRA_ROWS + needs.queues;
  const intentsFor = (available: number): number =>
    Math.max(MIN_INTENT_ROWS, available - BOT_EXTRA_ROWS - agentsRows);

  if (columns >= SIDE_BY_SIDE_MIN_COLUMNS) {
    const leftWidth = Math.floor((columns - SIDE_GAP) / 2);
    return {
      mode: 'side',
      leftWidth,
      rightWidth: columns - SIDE_GAP - leftWidth,
      ...trafficRows(body, needs.histogramSpan),
      intentRows: intentsFor(body),
    };
  }
  const trafficMin = TRAFFIC_ROWS + LATENCY_EXTRA_ROWS + PERCENTILE_ROWS;
  const botMin = BOT_EXTRA_ROWS + agentsRows + MIN_INTENT_ROWS + 2;
  if (body >= trafficMin + botMin) {
    const spare = body - trafficMin - botMin;
    const traffic = trafficRows(trafficMin + Math.ceil(spare / 2), needs.histogramSpan);
    const used =
      TRAFFIC_ROWS +
      LATENCY_EXTRA_ROWS +
      Math.max(PERCENTILE_ROWS, traffic.histogramRows) +
      traffic.curveRows -
      1 +
      traffic.p99Rows -
      1;
    return {
      mode: 'stacked',
      leftWidth: columns,
      rightWidth: columns,
      ...traffic,
      intentRows: intentsFor(body - used),
    };
  }
  return {
    mode: 'tabs',
    leftWidth: columns,
    rightWidth: columns,
    ...trafficRows(body, needs.histogramSpan),
    intentRows: intentsFor(body),
  };
}
