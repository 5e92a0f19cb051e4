// Top line: scenario, scenario clock, progress bar, speed or PAUSED, scale.
import { Box, Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { bar } from './bars.ts';
import { formatScale, formatSpeed } from './format.ts';

/** Wide enough for PAUSED and ×1000, so the progress bar keeps its width when the speed changes. */
const SPEED_WIDTH = 6;

export function Header({ frame, width }: { frame: LiveFrame; width: number }) {
  const { scenario } = frame;
  const percent = `${(scenario.progress * 100).toFixed(1)}%`.padStart(6);
  const speed = formatSpeed(scenario.speed, scenario.paused);
  const speedPad = ' '.repeat(Math.max(0, SPEED_WIDTH - speed.length));
  const scale = `scale ${formatScale(scenario.scale)}`;
  const fixed = `peakdesk  ${scenario.name}  ${scenario.clock}   ${percent}  ${speed}${speedPad}  ${scale}`;
  const barWidth = Math.max(0, Math.min(30, width - fixed.length));
  const filled = bar(scenario.progress, 1, barWidth);
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text bold>peakdesk</Text>
        {'  '}
        <Text color="cyan">{scenario.name}</Text>
        {'  '}
        <Text bold>{scenario.clock}</Text>
        {'  '}
        <Text color="green">{filled}</Text>
        <Text dimColor>{'░'.repeat(Math.max(0, barWidth - filled.length))}</Text>
        {` ${percent}  `}
        {scenario.paused ? (
          <Text inverse color="yellow">
            {speed}
          </Text>
        ) : (
          <Text color="yellow">{speed}</Text>
        )}
        {`${speedPad}  ${scale}`}
      </Text>
    </Box>
  );
}
