// The part every driver shares around its transport: the engine's start/clock/stop messages, a flush
// a second of what the meter measured plus the driver's state, and the final flush on stop.
import type { DriverChannel } from './driver-channel.ts';
import type { DriverMeter } from './driver-meter.ts';
import type { DriverFlush, FromDriver, ToDriver } from './driver-protocol.ts';
import type { ScheduleLoop } from './schedule-loop.ts';

const FLUSH_MS = 1000;

export interface DriverShellOptions {
  channel: DriverChannel;
  meter: DriverMeter;
  loop: ScheduleLoop;
  /** Real ms since the run started (valid once `onStart` has run). */
  nowReal(): number;
  /** The run's start on the engine's clock: the driver's `nowReal` counts from it. */
  onStart(startEpochMs: number): void;
  /** Its patience and reply-timeout deadlines: swept from the start until the stop. */
  deadlines: { start(nowReal: () => number): void; stop(): void };
  /** Its open conversations; an abandoned one waits only for a late reply, counted already. */
  active: ReadonlySet<{ phase: string }>;
  /** Sockets it holds open now. */
  openSockets(): number;
  /** Ends every conversation's connection at once (the engine asked to stop); the final flush follows. */
  onStop(): void;
}

/** Serves the engine's messages for one driver until it is told to stop; says `ready` at once. */
export function runDriverShell(o: DriverShellOptions): void {
  const { channel, meter, loop } = o;
  let flushTimer: NodeJS.Timeout | undefined;

  function flush(): void {
    const realMs = o.nowReal();
    // arrivals are generated ahead of time: done only once every arrival has started
    const arrivalsDone = loop.allStarted();
    let uncounted = 0;
    for (const c of o.active) if (c.phase !== 'abandoned') uncounted++;
    const msg: DriverFlush = {
      kind: 'flush',
      index: channel.init.index,
      realMs,
      planMs: loop.planAt(realMs),
      ...meter.take(),
      active: o.active.size,
      openSockets: o.openSockets(),
      uncounted,
      arrivalsDone,
      done: arrivalsDone && o.active.size === 0,
    };
    channel.send(msg);
  }

  channel.onMessage((msg: ToDriver) => {
    if (msg.kind === 'start') {
      o.onStart(msg.startEpochMs);
      o.deadlines.start(o.nowReal);
      meter.start();
      flushTimer = setInterval(flush, FLUSH_MS);
      loop.run(msg.clock);
    } else if (msg.kind === 'clock') {
      loop.run(msg.clock);
    } else {
      loop.stop();
      if (flushTimer !== undefined) clearInterval(flushTimer);
      o.deadlines.stop();
      o.onStop();
      flush();
      meter.stop();
      channel.send({ kind: 'stopped' } satisfies FromDriver);
      channel.close();
    }
  });
  channel.send({ kind: 'ready' } satisfies FromDriver);
}
