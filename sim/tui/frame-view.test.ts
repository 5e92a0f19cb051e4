import { describe, expect, it } from 'vitest';
import { finishedFrame, spikeFrame } from './fixtures/frames.ts';
import { errorTotal, inFlightGap, queueRows, topIntents } from './frame-view.ts';

describe('frame views', () => {
  it('sums errors over codes', () => {
    expect(errorTotal(spikeFrame.counts.errors)).toBe(53);
    expect(errorTotal({})).toBe(0);
  });
  it('finds the recorded frames balanced, and the gap when not', () => {
    expect(inFlightGap(spikeFrame)).toBe(0);
    expect(inFlightGap(finishedFrame)).toBe(0);
    expect(inFlightGap({ ...spikeFrame, open: 2100 })).toBe(67);
  });
  it('joins hand-offs and agents per queue, keeping queues that appear only in one of them', () => {
    const frame = {
      ...finishedFrame,
      handoffs: [{ queue: 'presale', total: 5, perMinReal: 60 }],
      agents: {
        now: [{ queue: 'vip', agents: 3 }],
        peak: [
          { queue: 'presale', agents: 9 },
          { queue: 'vip', agents: 4 },
        ],
        peakTotal: 12,
      },
    };
    expect(queueRows(frame)).toEqual([
      { queue: 'presale', handoffs: 5, perMinReal: 60, agentsNow: 0, agentsPeak: 9 },
      { queue: 'vip', handoffs: 0, perMinReal: 0, agentsNow: 3, agentsPeak: 4 },
    ]);
  });
  it('ranks intents by volume', () => {
    expect(topIntents(spikeFrame, 3).map((i) => i.intent)).toEqual([
      'logistics.track',
      'order.status',
      'promo.rules',
    ]);
    expect(topIntents(spikeFrame, 0)).toEqual([]);
  });
});
