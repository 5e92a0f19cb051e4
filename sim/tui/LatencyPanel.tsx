// Latency: the whole run's histogram as horizontal bars, percentiles now and total, p99 per second.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import type { LatencySummaryMs } from '../metrics/latency.ts';
import { bar, foldBuckets } from './bars.ts';
import { tailBlockChart } from './block-chart.ts';
import { formatBoundMs, formatCount, formatInt, formatLatency, formatMs, titleRule } from './format.ts';

const PERCENTILES: [string, (s: LatencySummaryMs) => number][] = [
  ['p50', (s) => s.p50],
  ['p90', (s) => s.p90],
  ['p99', (s) => s.p99],
  ['p99.9', (s) => s.p999],
  ['max', (s) => s.max],
  ['mean', (s) => s.mean],
];
const TABLE_WIDTH = 24;
const COUNT_WIDTH = 6;
/** " max 12.3 ms", the widest the note gets. */
const P99_NOTE_WIDTH = 12;

const barColor = (leMs: number): string => (leMs <= 100 ? 'green' : leMs <= 1000 ? 'yellow' : 'red');

export function LatencyPanel({
  frame,
  width,
  histogramRows,
  p99Rows,
}: {
  frame: LiveFrame;
  width: number;
  histogramRows: number;
  p99Rows: number;
}) {
  const { now, total, buckets, p99History } = frame.latency;
  const rows = foldBuckets(buckets, histogramRows);
  const labels = rows.map((b) => `≤${formatBoundMs(b.leMs)}`);
  const labelWidth = Math.max(0, ...labels.map((l) => l.length));
  const histWidth = width - TABLE_WIDTH - 2;
  const barWidth = Math.max(1, histWidth - labelWidth - COUNT_WIDTH - 2);
  const maxCount = Math.max(0, ...rows.map((b) => b.count));
  const table = [
    `${''.padEnd(6)}${'now'.padStart(9)}${'total'.padStart(9)}`,
    ...PERCENTILES.map(
      ([label, pick]) =>
        `${label.padEnd(6)}${formatLatency(now, pick(now)).padStart(9)}${formatLatency(total, pick(total)).padStart(9)}`,
    ),
  ];
  const lines = Array.from({ length: Math.max(rows.length, table.length) }, (_, i) => ({
    key: `row${i}`,
    bucket: rows[i],
    label: labels[i] ?? '',
  }));
  const p99Label = 'p99/s ';
  const p99Width = Math.max(0, width - p99Label.length - P99_NOTE_WIDTH);
  const p99 = tailBlockChart(p99History, p99Width, p99Rows);
  const p99Lines = p99.lines.map((line, row) => ({ key: `p99-${row}`, line, first: row === 0 }));
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" dimColor>
        {titleRule('Latency, whole run', width, `${formatInt(total.count)} replies`)}
      </Text>
      <Box>
        <Box flexDirection="column" width={histWidth} marginRight={2}>
          {lines.map(({ key, bucket, label }) =>
            bucket === undefined ? (
              <Text key={key}> </Text>
            ) : (
              <Text key={key} wrap="truncate-end">
                {label.padStart(labelWidth)}{' '}
                <Text color={barColor(bucket.leMs)}>
                  {bar(bucket.count, maxCount, barWidth).padEnd(barWidth)}
                </Text>{' '}
                {formatCount(bucket.count).padStart(COUNT_WIDTH)}
              </Text>
            ),
          )}
        </Box>
        <Box flexDirection="column" width={TABLE_WIDTH}>
          {table.map((line, i) => (
            <Text key={line} wrap="truncate-end" bold={i === 3}>
              {line}
            </Text>
          ))}
        </Box>
      </Box>
      {p99Lines.map(({ key, line, first }) => (
        <Text key={key} wrap="truncate-end">
          {first ? p99Label : ' '.repeat(p99Label.length)}
          <Text color="magenta">{line}</Text>
          <Text dimColor>{first ? (p99History.length === 0 ? '—' : ` max ${formatMs(p99.max)}`) : ''}</Text>
        </Text>
      ))}
    </Box>
  );
}
