import { beforeAll, describe, expect, it, vi } from 'vitest';
import { earlyFrame, finishedFrame, spikeFrame } from './fixtures/frames.ts';
import { eventually, FakeStdin, FakeStdout, settle } from './fixtures/terminal.ts';
import type { mountDashboard as MountDashboard } from './mount.tsx';

// Ink renders nothing until unmount when it thinks it runs in CI; these tests look at the live output.
let mountDashboard: typeof MountDashboard;
beforeAll(async () => {
  vi.stubEnv('CI', 'false');
  vi.stubEnv('CONTINUOUS_INTEGRATION', 'false');
  ({ mountDashboard } = await import('./mount.tsx'));
});

const CLEAR_SCREEN = '\u001b[2J';

function mountOn(columns: number, rows: number, initial = earlyFrame) {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const handlers = { onQuit: vi.fn(), onPause: vi.fn(), onSpeed: vi.fn() };
  const dashboard = mountDashboard({
    initial,
    ...handlers,
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  return { stdout, stdin, handlers, dashboard };
}

describe('mountDashboard', () => {
  it('draws the initial frame, each update, and leaves the final frame with the results dir', async () => {
    const { stdout, dashboard } = mountOn(80, 24);
    expect(stdout.text()).toContain('peakdesk  double11-2026  11-10 22:04:00');
    dashboard.update(spikeFrame);
    await eventually(() => expect(stdout.text()).toContain('11-11 00:00:40'));
    dashboard.update(finishedFrame);
    await dashboard.unmount();
    const text = stdout.text();
    expect(text).toContain('✔ finished · results in results/20261123-021400-double11-2026  [tab]  [q] quit');
    expect(text).not.toContain(CLEAR_SCREEN);
  });

  it('redraws lines in place without clearing the screen, at 80×24 and 160×48', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [160, 48],
    ] as const) {
      const { stdout, dashboard } = mountOn(columns, rows);
      for (const frame of [spikeFrame, finishedFrame]) {
        dashboard.update(frame);
        await eventually(() => expect(stdout.text()).toContain(frame.scenario.clock));
      }
      await dashboard.unmount();
      expect(stdout.writes.join('')).not.toContain(CLEAR_SCREEN);
    }
  });

  it('draws a frame before the first update when there is no initial one', async () => {
    const stdout = new FakeStdout(80, 24);
    const dashboard = mountDashboard({
      onQuit: vi.fn(),
      onPause: vi.fn(),
      onSpeed: vi.fn(),
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: new FakeStdin() as unknown as NodeJS.ReadStream,
    });
    expect(stdout.text()).toContain('waiting for the first second of the run…');
    await dashboard.unmount();
  });

  it('passes keys to the callbacks', async () => {
    const { stdin, handlers, dashboard } = mountOn(80, 24);
    await settle();
    stdin.write('p');
    stdin.write('+');
    stdin.write('-');
    stdin.write('q');
    expect(handlers.onPause).toHaveBeenCalledTimes(1);
    expect(handlers.onSpeed.mock.calls).toEqual([[2], [0.5]]);
    expect(handlers.onQuit).toHaveBeenCalledTimes(1);
    await dashboard.unmount();
  });

  it('stops listening to keys once unmounted', async () => {
    const { stdin, handlers, dashboard } = mountOn(80, 24);
    await settle();
    await dashboard.unmount();
    stdin.write('q');
    expect(handlers.onQuit).not.toHaveBeenCalled();
  });
});
