// Bottom line: the keys, the panel tabs when there are tabs, or where the results went.
import { Text } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import type { PanelSet } from './layout.ts';

const PANEL_NAMES: Record<PanelSet, string> = { traffic: 'traffic+latency', bot: 'bot+agents' };

export function Footer({
  frame,
  panel,
  tabs,
  width,
}: {
  frame: LiveFrame | undefined;
  panel: PanelSet;
  tabs: boolean;
  width: number;
}) {
  const finished = frame?.finished;
  if (finished !== undefined) {
    const mark = finished.complete ? '✔ finished' : '■ stopped early';
    const where = ` · results in ${finished.resultsDir}${finished.complete ? '' : ' (partial)'}`;
    const quit = '  [q] quit';
    const room = width - mark.length - where.length - quit.length;
    const tab = !tabs ? '' : room >= 14 ? '  [tab] panels' : room >= 7 ? '  [tab]' : '';
    return (
      <Text wrap="truncate-end">
        <Text color={finished.complete ? 'green' : 'yellow'} bold>
          {mark}
        </Text>
        {where}
        {tab}
        {quit}
      </Text>
    );
  }
  return (
    <Text wrap="truncate-end" dimColor>
      {tabs ? (
        <>
          {'[tab] '}
          {(Object.keys(PANEL_NAMES) as PanelSet[]).map((p, i) => (
            <Text key={p}>
              {i > 0 ? ' ' : ''}
              <Text inverse={p === panel}>{PANEL_NAMES[p]}</Text>
            </Text>
          ))}
          {'  '}
        </>
      ) : null}
      {`[p] ${frame?.scenario.paused ? 'resume' : 'pause'}  [+/-] speed  [q] quit`}
    </Text>
  );
}
