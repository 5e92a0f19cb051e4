// The promotion's curve with a cursor at now, and arrival/message rates simulated and at real scale.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { blockChart } from './block-chart.ts';
import { formatCount, formatInt, titleRule } from './format.ts';
import { cursorMarker } from './sparkline.ts';

export function TrafficPanel({
  frame,
  width,
  curveRows,
}: {
  frame: LiveFrame;
  width: number;
  curveRows: number;
}) {
  const { scenario, rates } = frame;
  const spark = blockChart(scenario.curve, width, curveRows, scenario.cursor);
  const cut = spark.cursorCell === -1 ? width : spark.cursorCell;
  const curveLines = spark.lines.map((line, row) => ({ key: `curve-${row}`, line }));
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" dimColor>
        {titleRule('Traffic, real scale', width, `peak ${formatCount(spark.max)}/min`)}
      </Text>
      {curveLines.map(({ key, line }) => (
        <Text key={key} wrap="truncate-end">
          <Text color="cyan">{line.slice(0, cut)}</Text>
          <Text color="yellow" inverse>
            {line.slice(cut, cut + 1)}
          </Text>
          <Text dimColor>{line.slice(cut + 1)}</Text>
        </Text>
      ))}
      <Text wrap="truncate-end" color="yellow">
        {cursorMarker(
          spark.cursorCell,
          width,
          `${scenario.clock.slice(-8)} curve ${formatCount(rates.curvePerSecReal * 60)}/min`,
        ) || ' '}
      </Text>
      <Text wrap="truncate-end">
        {'arrivals/s  '}
        <Text bold>{formatCount(rates.arrivalsPerSec).padStart(5)}</Text>
        {' sim '}
        <Text bold>{formatCount(rates.arrivalsPerSecReal).padStart(6)}</Text>
        {' real '}
        <Text dimColor>{`(curve ${formatCount(rates.curvePerSecReal)})`}</Text>
        {'   open '}
        <Text bold>{formatInt(frame.open)}</Text>
      </Text>
      <Text wrap="truncate-end">
        {'messages/s  '}
        <Text bold>{formatCount(rates.messagesPerSec).padStart(5)}</Text>
        {' sim '}
        <Text bold>{formatCount(rates.messagesPerSecReal).padStart(6)}</Text>
        {' real'}
      </Text>
    </Box>
  );
}
