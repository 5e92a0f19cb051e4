// What the load engine and its drivers (WebSocket: driver-worker.ts, HTTP: ../http/http-driver.ts)
// say to each other, over a worker thread's port or a child process's IPC channel (driver-channel.ts).
import type { Counters } from './counters.ts';
import type { RunClock } from './run-clock.ts';

export interface DriverInit {
  index: number;
  workers: number;
  /** ws://host:port/chat, or http(s)://host:port/v1/chat for the HTTP driver */
  target: string;
  token: string | undefined;
  /** URL of a module exporting createWorkload(spec). */
  workloadModule: string;
  workloadSpec: unknown;
  /** Open conversations this driver may hold; arrivals past it are dropped. */
  maxActive: number;
  /** Local addresses to spread sockets over (loopback aliases when ephemeral ports run out). WebSocket only. */
  sourceAddresses: string[];
  /** A start later than this after its intended time counts as a late start. */
  slipToleranceMs: number;
  /** Real ms a reply may take before the message counts as failed. */
  replyTimeoutMs: number;
  /**
   * Hand a socket whose conversation ended well to the next conversation instead of closing it
   * (DESIGN: several conversations may run on one socket, one after another). Arrivals still start on
   * schedule: with no idle socket a new one is opened. WebSocket only.
   */
  socketReuse: boolean;
  /**
   * Conversations one socket carries at once (a gateway multiplexing customers onto the bot tier);
   * above 1 sockets are reused and the frames due in one tick go out in one write per socket.
   * WebSocket only.
   */
  convsPerSocket: number;
  /** Keep-alive connections this driver may open to an HTTP target. HTTP only. */
  connections: number;
  /** See ScheduleLoopOptions.sendQuantumMs. */
  sendQuantumMs: number;
}

export type ToDriver =
  | { kind: 'start'; startEpochMs: number; clock: RunClock }
  | { kind: 'clock'; clock: RunClock }
  | { kind: 'stop' };

export interface DriverFlush {
  kind: 'flush';
  index: number;
  /** Real ms since the run started. */
  realMs: number;
  planMs: number;
  counters: Counters;
  latency: Float64Array;
  latencyByIntent: Record<string, Float64Array>;
  slip: Float64Array;
  loopLagP99Ms: number;
  active: number;
  /** Sockets open now (WebSockets, or an HTTP driver's keep-alive connections). */
  openSockets: number;
  /** Open conversations not yet counted in any outcome (abandoned ones waiting for a late reply are counted). */
  uncounted: number;
  /** Every arrival of the schedule has started (or been dropped). */
  arrivalsDone: boolean;
  /** Arrivals done and every conversation ended. */
  done: boolean;
}

export type FromDriver = { kind: 'ready' } | DriverFlush | { kind: 'stopped' };
