import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { AgentsPanel } from './AgentsPanel.tsx';
import { spikeFrame } from './fixtures/frames.ts';

describe('AgentsPanel', () => {
  it('keeps a space between columns when agent counts run to millions', () => {
    const frame = {
      ...spikeFrame,
      agents: {
        now: spikeFrame.agents.now.map((a) => ({ ...a, agents: 83_836 })),
        peak: spikeFrame.agents.peak.map((a) => ({ ...a, agents: 1_149_776 })),
        peakTotal: 12_345_678,
      },
    };
    const { lastFrame, unmount } = render(<AgentsPanel frame={frame} width={80} />);
    const lines = (lastFrame() ?? '').split('\n');
    unmount();
    expect(lines[2]).toMatch(/ 83,836 1,149,776$/);
    expect(lines.at(-1)).toMatch(/ 12,345,678$/);
  });
});
