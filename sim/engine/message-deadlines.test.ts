import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Awaiting, MessageDeadlines, noDeadline } from './message-deadlines.ts';

interface Conv extends Awaiting {
  name: string;
}
const conv = (name: string, intendedRealMs: number, patienceMs: number): Conv => ({
  name,
  intendedRealMs,
  customer: { patienceMs: () => patienceMs },
  ...noDeadline(),
});

describe('MessageDeadlines', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(keepWaiting: boolean) {
    const events: string[] = [];
    const now = (): number => Date.now();
    const d = new MessageDeadlines<Conv>(300, {
      onPatience: (c) => {
        events.push(`patience ${c.name} @${now()}`);
        return keepWaiting;
      },
      onTimeout: (c) => events.push(`timeout ${c.name} @${now()}`),
    });
    vi.setSystemTime(0);
    d.start(now);
    return { d, events };
  }

  it("fires the customer's patience, then the reply timeout, both from the intended send time", () => {
    const { d, events } = setup(true);
    d.arm(conv('a', 0, 100));
    vi.advanceTimersByTime(95);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(10);
    vi.advanceTimersByTime(300);
    d.stop();
    expect(events).toEqual(['patience a @100', 'timeout a @300']);
  });

  it('fires only the reply timeout when patience outlasts it, and nothing once cancelled', () => {
    const { d, events } = setup(true);
    const b = conv('b', 50, 10_000);
    const c = conv('c', 0, 100);
    d.arm(b);
    d.arm(c);
    vi.advanceTimersByTime(60);
    d.cancel(c);
    vi.advanceTimersByTime(1000);
    d.stop();
    expect(events).toEqual(['timeout b @350']);
  });

  it('stops waiting after patience when the driver says so', () => {
    const { d, events } = setup(false);
    d.arm(conv('a', 0, 100));
    vi.advanceTimersByTime(1000);
    d.stop();
    expect(events).toEqual(['patience a @100']);
  });
});
