// Hand-offs per queue and the human agents they need, now and at the peak so far.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { fitCell, formatInt, titleRule } from './format.ts';
import { queueRows } from './frame-view.ts';

const COLUMNS: [string, number][] = [
  ['queue', 12],
  ['hand-offs', 10],
  ['real/min', 10],
  ['agents now', 12],
  ['peak', 10],
];

/** A right-aligned number cell, always a space from the cell before it, however wide the number. */
const numberCell = (c: string, i: number): string => ` ${c.padStart((COLUMNS[i]?.[1] ?? 8) - 1)}`;

const row = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 ? fitCell(c, COLUMNS[0]?.[1] ?? 12) : numberCell(c, i))).join('');

export function AgentsPanel({ frame, width }: { frame: LiveFrame; width: number }) {
  const rows = queueRows(frame);
  const sum = (pick: (r: (typeof rows)[number]) => number): number => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" dimColor>
        {titleRule('Hand-offs & human agents needed', width)}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {row(COLUMNS.map(([name]) => name))}
      </Text>
      {rows.map((r) => (
        <Text key={r.queue} wrap="truncate-end">
          {row([r.queue, formatInt(r.handoffs), formatInt(r.perMinReal)])}
          <Text bold color="cyan">
            {numberCell(formatInt(r.agentsNow), 3)}
          </Text>
          {numberCell(formatInt(r.agentsPeak), 4)}
        </Text>
      ))}
      <Text wrap="truncate-end" bold>
        {row([
          'all queues',
          formatInt(sum((r) => r.handoffs)),
          formatInt(sum((r) => r.perMinReal)),
          formatInt(sum((r) => r.agentsNow)),
          formatInt(frame.agents.peakTotal),
        ])}
      </Text>
    </Box>
  );
}
