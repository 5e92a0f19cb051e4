// Plays the recorded frames through the dashboard, no server needed: node bin/run-ts.js sim/tui/demo.tsx
// Keys work as in a run: p pauses the playback, +/- change its pace, q quits.
import type { LiveFrame } from '../live/frame.ts';
import { earlyFrame, finishedFrame, spikeFrame } from './fixtures/frames.ts';
import { mountDashboard } from './mount.tsx';

const SECONDS_PER_FRAME = 3;

let paused = false;
let pace = 1;
let index = 0;
const frames: readonly LiveFrame[] = [earlyFrame, spikeFrame, finishedFrame];
const withControls = (frame: LiveFrame): LiveFrame => ({
  ...frame,
  scenario: { ...frame.scenario, paused, speed: paused ? 0 : frame.scenario.speed * pace },
});

const dashboard = mountDashboard({
  initial: withControls(earlyFrame),
  onQuit: () => {
    clearInterval(timer);
    void dashboard.unmount().then(() => process.exit(0));
  },
  onPause: () => {
    paused = !paused;
    dashboard.update(withControls(frames[index] as LiveFrame));
  },
  onSpeed: (factor) => {
    pace *= factor;
    dashboard.update(withControls(frames[index] as LiveFrame));
  },
});

const timer = setInterval(
  () => {
    if (paused || index === frames.length - 1) return;
    index++;
    dashboard.update(withControls(frames[index] as LiveFrame));
  },
  (SECONDS_PER_FRAME * 1000) / 1,
);
