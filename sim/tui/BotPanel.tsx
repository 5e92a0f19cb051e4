// Bot resolution overall and for the busiest intents.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { bar } from './bars.ts';
import { fitCell, formatCount, formatPercent, titleRule } from './format.ts';
import { topIntents } from './frame-view.ts';

const INTENT_WIDTH = 24;
/** Volume, resolved and rate columns with the gaps after each. */
const NUMBERS_WIDTH = 6 + 2 + 8 + 2 + 7 + 2;

export function BotPanel({
  frame,
  width,
  intentRows,
}: {
  frame: LiveFrame;
  width: number;
  intentRows: number;
}) {
  const intents = topIntents(frame, intentRows);
  const barWidth = Math.max(1, width - INTENT_WIDTH - NUMBERS_WIDTH);
  const hidden = frame.bot.byIntent.length - intents.length;
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" dimColor>
        {titleRule(
          `Bot resolution ${formatPercent(frame.bot.resolution)}`,
          width,
          hidden > 0 ? `top ${intents.length} of ${frame.bot.byIntent.length}` : '',
        )}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {`${fitCell('intent', INTENT_WIDTH)}${'volume'.padStart(6)}  ${'resolved'.padStart(8)}  ${'rate'.padStart(7)}`}
      </Text>
      {intents.map((i) => (
        <Text key={i.intent} wrap="truncate-end">
          {fitCell(i.intent, INTENT_WIDTH)}
          {formatCount(i.scheduled).padStart(6)}
          {'  '}
          {formatCount(i.resolved).padStart(8)}
          {'  '}
          <Text bold>{formatPercent(i.resolution).padStart(7)}</Text>
          {'  '}
          <Text color={i.resolution !== null && i.resolution < 0.5 ? 'yellow' : 'green'}>
            {bar(i.resolution ?? 0, 1, barWidth)}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
