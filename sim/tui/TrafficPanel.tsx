// The promotion's curve with a cursor at now, and arrival/message rates simulated and at real scale.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { formatCount, formatInt, titleRule } from './format.ts';
import { cursorMarker, sparkline } from './sparkline.ts';

export function TrafficPanel({ frame, width }: { frame: LiveFrame; width: number }) {
  const { scenario, rates } = frame;
  const spark = sparkline(scenario.curve, width, scenario.cursor);
  const cut = spark.cursorCell === -1 ? spark.text.length : spark.cursorCell;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" dimColor>
        {titleRule('Traffic, real scale', width, `peak ${formatCount(spark.max)}/min`)}
      </Text>
      <Text wrap="truncate-end">
        <Text color="cyan">{spark.text.slice(0, cut)}</Text>
        <Text color="yellow" inverse>
          {spark.text.slice(cut, cut + 1)}
        </Text>
        <Text dimColor>{spark.text.slice(cut + 1)}</Text>
      </Text>
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
