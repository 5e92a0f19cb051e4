// Plays the recorded frames through the dashboard, no server needed: node bin/run-ts.js sim/tui/demo.tsx
// Keys work as in a run: p pauses the playback, +/- change its pace, q quits.
import type { LiveFrame } from '../live/frame.ts';
import { recordedFrames } from './fixtures/frames.ts';
import { mountDashboard } from './mount.tsx';

/** Wall seconds each recorded frame stays on screen at pace 1. */
const SECONDS_PER_FRAME = 4;

let paused = false;
let pace = 1;
let index = 0;
let timer: NodeJS.Timeout | undefined;

const current = (): LiveFrame => {
  const frame = recordedFrames[index] as LiveFrame;
  return {
    ...frame,
    scenario: { ...frame.scenario, paused, speed: paused ? 0 : frame.scenario.speed * pace },
  };
};

const schedule = (): void => {
  clearTimeout(timer);
  if (paused || index === recordedFrames.length - 1) return;
  timer = setTimeout(
    () => {
      index++;
      dashboard.update(current());
      schedule();
    },
    (SECONDS_PER_FRAME * 1000) / pace,
  );
};

const dashboard = mountDashboard({
  initial: current(),
  onQuit: () => {
    clearTimeout(timer);
    void dashboard.unmount().then(() => process.exit(0));
  },
  onPause: () => {
    paused = !paused;
    dashboard.update(current());
    schedule();
  },
  onSpeed: (factor) => {
    pace *= factor;
    dashboard.update(current());
    schedule();
  },
});
schedule();
