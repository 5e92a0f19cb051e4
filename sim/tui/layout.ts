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

export interface DashboardLayout {
  /** tabs: one panel set at a time; side: both side by side; stacked: both, one above the other. */
  mode: 'tabs' | 'side' | 'stacked';
  /** Width of the traffic+latency column; in tabs and stacked modes, the whole width. */
  leftWidth: number;
  /** Width of the bot+agents column. */
  rightWidth: number;
  /** Rows the latency histogram may use (it folds buckets to fit). */
  histogramRows: number;
  /** Intents shown, by volume. */
  intentRows: number;
}

export const SIDE_GAP = 2;

/**
 * Lays the dashboard out in `rows − 1` lines at most: Ink clears the whole screen on every frame whose
 * output reaches the terminal's height, which flickers.
 */
export function layoutFor(columns: number, rows: number, queues: number): DashboardLayout {
  const body = rows - 1 - CHROME_ROWS;
  const agentsRows = AGENTS_EXTRA_ROWS + queues;
  const latencyFor = (available: number): number =>
    Math.max(MIN_HISTOGRAM_ROWS, available - TRAFFIC_ROWS - LATENCY_EXTRA_ROWS);
  const intentsFor = (available: number): number =>
    Math.max(MIN_INTENT_ROWS, available - BOT_EXTRA_ROWS - agentsRows);

  if (columns >= SIDE_BY_SIDE_MIN_COLUMNS) {
    const leftWidth = Math.floor((columns - SIDE_GAP) / 2);
    return {
      mode: 'side',
      leftWidth,
      rightWidth: columns - SIDE_GAP - leftWidth,
      histogramRows: latencyFor(body),
      intentRows: intentsFor(body),
    };
  }
  const trafficMin = TRAFFIC_ROWS + LATENCY_EXTRA_ROWS + PERCENTILE_ROWS;
  const botMin = BOT_EXTRA_ROWS + agentsRows + MIN_INTENT_ROWS + 2;
  if (body >= trafficMin + botMin) {
    const spare = body - trafficMin - botMin;
    const latencyShare = Math.ceil(spare / 2);
    return {
      mode: 'stacked',
      leftWidth: columns,
      rightWidth: columns,
      histogramRows: PERCENTILE_ROWS + latencyShare,
      intentRows: MIN_INTENT_ROWS + 2 + spare - latencyShare,
    };
  }
  return {
    mode: 'tabs',
    leftWidth: columns,
    rightWidth: columns,
    histogramRows: latencyFor(body),
    intentRows: intentsFor(body),
  };
}
