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
  ['peak', 8],
];

const row = (cells: string[]): string =>
  cells
    .map((c, i) => (i === 0 ? fitCell(c, COLUMNS[0]?.[1] ?? 12) : c.padStart(COLUMNS[i]?.[1] ?? 8)))
    .join('');

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
            {formatInt(r.agentsNow).padStart(COLUMNS[3]?.[1] ?? 12)}
          </Text>
          {formatInt(r.agentsPeak).padStart(COLUMNS[4]?.[1] ?? 8)}
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
