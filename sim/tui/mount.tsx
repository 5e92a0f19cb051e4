// Mounts the dashboard on a terminal and feeds it frames; the run owns the engine, this only draws.
import { render } from 'ink';
import type { LiveFrame } from '../live/frame.ts';
import { Dashboard } from './Dashboard.tsx';

export interface MountOptions {
  /** Shown until the first update; without it the dashboard says it is waiting. */
  initial?: LiveFrame;
  onQuit: () => void;
  onPause: () => void;
  onSpeed: (factor: number) => void;
  /** @default process.stdout; console output is kept above the dashboard only when drawing there. */
  stdout?: NodeJS.WriteStream;
  /** @default process.stdin */
  stdin?: NodeJS.ReadStream;
}

export interface MountedDashboard {
  /** Draws `frame` (one render per call; the run calls it once per second). */
  update(frame: LiveFrame): void;
  /** Leaves the last frame on screen and releases the terminal. */
  unmount(): Promise<void>;
}

/** Ink frames per second at most; keys redraw within 100 ms, frames arrive once a second. */
const MAX_FPS = 10;

export function mountDashboard(options: MountOptions): MountedDashboard {
  const view = (frame: LiveFrame | undefined) => (
    <Dashboard frame={frame} onQuit={options.onQuit} onPause={options.onPause} onSpeed={options.onSpeed} />
  );
  const stdout = options.stdout ?? process.stdout;
  const instance = render(view(options.initial), {
    stdout,
    stdin: options.stdin ?? process.stdin,
    exitOnCtrlC: false,
    maxFps: MAX_FPS,
    patchConsole: stdout === process.stdout,
  });
  let last = options.initial;
  return {
    update(frame) {
      if (frame === last) return;
      last = frame;
      instance.rerender(view(frame));
    },
    async unmount() {
      instance.unmount();
      await instance.waitUntilExit();
    },
  };
}
