// Errors, drops, late starts and the load generator's own health: if it slips, the latencies lie.
import { Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { formatInt, formatMs } from './format.ts';
import { errorTotal } from './frame-view.ts';

export function HealthLine({ frame, width }: { frame: LiveFrame; width: number }) {
  const { counts, health } = frame;
  const errors = errorTotal(counts.errors);
  const byCode = Object.entries(counts.errors)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ${formatInt(n)}`)
    .join(', ');
  const generator = `slip p99 ${formatMs(health.slipP99Ms)}  loop lag p99 ${formatMs(health.loopLagP99Ms)}  drivers ${health.drivers}`;
  const plain = `errors ${formatInt(errors)}  drops ${formatInt(counts.dropped)}  late ${formatInt(counts.lateStarts)}  ${generator}`;
  const detail = byCode !== '' && plain.length + byCode.length + 3 <= width ? ` (${byCode})` : '';
  return (
    <Text wrap="truncate-end">
      {'errors '}
      <Text color={errors > 0 ? 'red' : undefined} bold={errors > 0}>
        {formatInt(errors)}
      </Text>
      {detail}
      {'  drops '}
      <Text color={counts.dropped > 0 ? 'red' : undefined}>{formatInt(counts.dropped)}</Text>
      {'  late '}
      <Text color={counts.lateStarts > 0 ? 'yellow' : undefined}>{formatInt(counts.lateStarts)}</Text>
      <Text dimColor>{`  ${generator}`}</Text>
    </Text>
  );
}
