// The live dashboard: renders one LiveFrame per second and turns keys into the run's callbacks.
import { Box, Text, useInput, useStdin } from 'ink';
import { useState } from 'react';
import type { LiveFrame } from '../live/frame.ts';
import { AgentsPanel } from './AgentsPanel.tsx';
import { BotPanel } from './BotPanel.tsx';
import { foldBuckets } from './bars.ts';
import { Footer } from './Footer.tsx';
import { Header } from './Header.tsx';
import { HealthLine } from './HealthLine.tsx';
import { LatencyPanel } from './LatencyPanel.tsx';
import { layoutFor, type PanelSet, SIDE_GAP } from './layout.ts';
import { TrafficPanel } from './TrafficPanel.tsx';
import { useTerminalSize } from './use-terminal-size.ts';

export interface DashboardProps {
  /** Undefined until the first second of the run has been measured. */
  frame: LiveFrame | undefined;
  /** `q` or Ctrl-C. The caller stops the run and unmounts. */
  onQuit: () => void;
  /** `p`: pause when running, resume when paused. */
  onPause: () => void;
  /** `+` → 2, `-` → 0.5: multiply the playback speed by `factor`. */
  onSpeed: (factor: number) => void;
}

export function Dashboard({ frame, onQuit, onPause, onSpeed }: DashboardProps) {
  const { columns, rows } = useTerminalSize();
  const { isRawModeSupported } = useStdin();
  const [panel, setPanel] = useState<PanelSet>('traffic');
  useInput(
    (input, key) => {
      if (input === 'q' || (key.ctrl && input === 'c')) onQuit();
      else if (input === 'p') onPause();
      else if (input === '+' || input === '=') onSpeed(2);
      else if (input === '-' || input === '_') onSpeed(0.5);
      else if (key.tab) setPanel((p) => (p === 'traffic' ? 'bot' : 'traffic'));
    },
    { isActive: isRawModeSupported === true },
  );

  if (frame === undefined) {
    return (
      <Box flexDirection="column" width={columns}>
        <Text bold>peakdesk</Text>
        <Text dimColor>waiting for the first second of the run…</Text>
        <Footer frame={undefined} panel={panel} tabs={false} width={columns} />
      </Box>
    );
  }

  const queues = new Set([...frame.handoffs, ...frame.agents.now].map((q) => q.queue)).size;
  const histogramSpan = foldBuckets(frame.latency.buckets, Number.POSITIVE_INFINITY).length;
  const layout = layoutFor(columns, rows, { queues, histogramSpan });
  const traffic = (
    <Box flexDirection="column" width={layout.leftWidth}>
      <TrafficPanel frame={frame} width={layout.leftWidth} curveRows={layout.curveRows} />
      <LatencyPanel
        frame={frame}
        width={layout.leftWidth}
        histogramRows={layout.histogramRows}
        p99Rows={layout.p99Rows}
      />
    </Box>
  );
  const bot = (
    <Box flexDirection="column" width={layout.rightWidth}>
      <BotPanel frame={frame} width={layout.rightWidth} intentRows={layout.intentRows} />
      <AgentsPanel frame={frame} width={layout.rightWidth} />
    </Box>
  );
  const body =
    layout.mode === 'side' ? (
      <Box>
        <Box marginRight={SIDE_GAP}>{traffic}</Box>
        {bot}
      </Box>
    ) : layout.mode === 'stacked' ? (
      <Box flexDirection="column">
        {traffic}
        {bot}
      </Box>
    ) : panel === 'traffic' ? (
      traffic
    ) : (
      bot
    );
  return (
    <Box flexDirection="column" width={columns}>
      <Header frame={frame} width={columns} />
      {body}
      <HealthLine frame={frame} width={columns} />
      <Footer frame={frame} panel={panel} tabs={layout.mode === 'tabs'} width={columns} />
    </Box>
  );
}
