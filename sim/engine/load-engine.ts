// The load engine's main-thread side: starts the driver threads, keeps the run clock, merges what the
// threads flush into one sample per second, and stops when the schedule is done (or when asked).
// It knows nothing of files or terminals: callers get samples through `onSample`.
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { PeakdeskError } from '../errors.ts';
import {
  addDelta,
  createLatencyHistogram,
  createRecorderHistogram,
  type Histogram,
} from '../metrics/latency.ts';
import { startTsWorker } from '../util/ts-worker.ts';
import { type Counters, createCounters, mergeCounters } from './counters.ts';
import type { DriverFlush, DriverInit, FromDriver, ToDriver } from './driver-protocol.ts';
import { createClock, currentRate, planAt, type RunClock, withRate } from './run-clock.ts';

export interface LoadOptions {
  /** ws://host:port/chat, or http(s)://host:port/v1/chat (then the drivers speak HTTP: ../http/http-driver.ts) */
  target: string;
  /** Bearer token for the target. @default undefined */
  token?: string;
  /** Driver threads (or processes). @default 1 */
  drivers?: number;
  /**
   * Run each driver in a child process instead of a worker thread: open files are limited per
   * process (20,000 here), so holding 100k sockets takes several processes. @default false
   */
  driverProcesses?: boolean;
  /** URL of the module exporting createWorkload(spec). */
  workloadModule: string;
  workloadSpec: unknown;
  /** Open conversations allowed over all driver threads (as k6's maxVUs). @default 200000 */
  maxActive?: number;
  /** Local addresses to spread sockets over. @default 16 loopback addresses for a loopback target, else the OS picks */
  sourceAddresses?: string[];
  /** A conversation starting later than this after its intended time is a late start. @default 20 */
  slipToleranceMs?: number;
  /** Real ms a reply may take before the message fails. @default 30000 */
  replyTimeoutMs?: number;
  /** Hand a socket on to the next conversation when its conversation ended (see DriverInit). @default false */
  socketReuse?: boolean;
  /**
   * Conversations one socket carries at once, as a gateway in front of the bot tier would; above 1,
   * sockets are pooled and the frames due together go out in one write per socket. @default 1
   */
  convsPerSocket?: number;
  /**
   * Messages due within this many ms go out together, up to that much early, measured from their actual
   * send (see ScheduleLoopOptions.sendQuantumMs): less CPU per message, timing kept to the quantum. @default 0
   */
  sendQuantumMs?: number;
  /** Keep-alive connections to an HTTP target, shared out over the drivers. @default 64 */
  connections?: number;
  /** After the last arrival, real ms to let open conversations finish. @default 15000 */
  drainMs?: number;
  /** Called once per second of real time with what happened in it. */
  onSample?: (sample: LoadSample) => void;
}

export interface LoadSample {
  /** Real seconds since the run started, at the end of this sample. */
  realSec: number;
  /** Plan ms reached (schedule time at the chosen speed). */
  planMs: number;
  rate: number;
  counters: Counters;
  latency: Histogram;
  latencyByIntent: Map<string, Histogram>;
  slip: Histogram;
  loopLagP99Ms: number;
  active: number;
  /** Sockets the drivers hold open: WebSockets, or keep-alive connections to an HTTP target. */
  openSockets?: number;
}

export interface LoadTotals {
  counters: Counters;
  latency: Histogram;
  latencyByIntent: Map<string, Histogram>;
  slip: Histogram;
  /** Conversations still open and in no outcome when the run stopped (counted by the threads, not derived). */
  inFlightAtStop: number;
  realMs: number;
  stoppedEarly: boolean;
}

export interface LoadRun {
  readonly startEpochMs: number;
  /** Pause (0), resume (1) or change the playback rate. */
  setRate(rate: number): void;
  rate(): number;
  /** Stops arrivals and conversations now; the totals still come through `done`. */
  stop(): void;
  readonly done: Promise<LoadTotals>;
}

/** A quantum past this would bunch a conversation's messages into visibly different traffic. */
export const MAX_SEND_QUANTUM_MS = 10;
const WS_DRIVER = new URL('./driver-worker.ts', import.meta.url);
const HTTP_DRIVER = new URL('../http/http-driver.ts', import.meta.url);

/** An http:// or https:// target is replayed over `POST /v1/chat`; anything else is a WebSocket URL. */
export function isHttpTarget(target: string | undefined): boolean {
  return target !== undefined && /^https?:\/\//i.test(target);
}
/** The engine's housekeeping period (drain and done checks, late samples). */
const TICK_MS = 250;
/** A sample goes out this long after the last one even if a driver has not flushed. */
const SAMPLE_FALLBACK_MS = 1500;
const RUN_TS = new URL('../../bin/run-ts.js', import.meta.url);

/** What the engine needs of a driver, whether a worker thread or a child process. */
interface DriverHandle {
  on(event: 'message', fn: (msg: FromDriver) => void): void;
  on(event: 'error', fn: (err: Error) => void): void;
  once(event: 'message', fn: (msg: FromDriver) => void): void;
  once(event: 'error', fn: (err: Error) => void): void;
  postMessage(msg: ToDriver): void;
  terminate(): Promise<unknown>;
}

/** A driver in a child process, speaking structured clones over IPC; dying before it stopped is an error. */
class DriverProcess extends EventEmitter implements DriverHandle {
  private readonly child;
  private stopped = false;

  constructor(entry: URL, init: DriverInit) {
    super();
    this.child = spawn(process.execPath, [RUN_TS.pathname, entry.pathname], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    this.child.on('message', (msg: FromDriver) => {
      if (msg.kind === 'stopped') this.stopped = true;
      this.emit('message', msg);
    });
    this.child.on('error', (err) => this.emit('error', err));
    this.child.on('exit', (code, signal) => {
      if (!this.stopped) this.emit('error', new Error(`driver process exited with ${code ?? signal}`));
    });
    this.child.send(init);
  }

  postMessage(msg: ToDriver): void {
    if (this.child.connected) this.child.send(msg);
  }

  terminate(): Promise<void> {
    const child = this.child;
    return new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/**
 * Source addresses for a target on 127.0.0.0/8: a new socket per conversation leaves a TIME_WAIT
 * port behind for 60 s, and one source address has ~28k ephemeral ports (a 6 s step at 2,000
 * conversations/s left 11,684), so sockets are spread over 16 loopback addresses, each with its own range.
 */
export function defaultSourceAddresses(target: string): string[] {
  const host = new URL(target).hostname;
  return /^127\./.test(host) ? Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`) : [];
}

function mergeHistogramsInto(
  into: Map<string, Histogram>,
  deltas: Record<string, Float64Array>,
  create: () => Histogram,
): void {
  for (const [key, delta] of Object.entries(deltas)) {
    let h = into.get(key);
    if (h === undefined) {
      h = create();
      into.set(key, h);
    }
    addDelta(h, delta);
  }
}

/** Keep-alive connections an HTTP target gets when the options do not say. */
export const DEFAULT_CONNECTIONS = 64;

/** The load options `loadOptionsProblem` checks, defaults applied. */
export interface LoadShape {
  drivers: number;
  convsPerSocket: number;
  connections: number;
  sendQuantumMs: number;
  /** The target is http:// or https://. */
  http: boolean;
}

/**
 * The first thing wrong with a run's load options, worded for `peakdesk run`'s flags, or undefined: the command line
 * reports it as a usage error before the run starts, startLoad throws it for every other caller.
 */
export function loadOptionsProblem(o: LoadShape): string | undefined {
  if (!Number.isInteger(o.drivers) || o.drivers < 1)
    return `--drivers must be an integer >= 1, got ${o.drivers}`;
  if (!Number.isInteger(o.convsPerSocket) || o.convsPerSocket < 1)
    return `--convs-per-socket must be an integer >= 1, got ${o.convsPerSocket}`;
  if (!Number.isInteger(o.connections) || o.connections < 1)
    return `--connections must be an integer >= 1, got ${o.connections}`;
  if (!(o.sendQuantumMs >= 0 && o.sendQuantumMs <= MAX_SEND_QUANTUM_MS))
    return `--send-quantum must be between 0 and ${MAX_SEND_QUANTUM_MS} ms, got ${o.sendQuantumMs}`;
  if (o.http && o.connections < o.drivers)
    return `--connections must be at least --drivers (${o.drivers}): each driver needs a connection, got ${o.connections}`;
  return undefined;
}

export async function startLoad(options: LoadOptions): Promise<LoadRun> {
  const drivers = options.drivers ?? 1;
  const maxActive = options.maxActive ?? 200_000;
  const convsPerSocket = options.convsPerSocket ?? 1;
  const connections = options.connections ?? DEFAULT_CONNECTIONS;
  const sendQuantumMs = options.sendQuantumMs ?? 0;
  const http = isHttpTarget(options.target);
  const problem = loadOptionsProblem({ drivers, convsPerSocket, connections, sendQuantumMs, http });
  if (problem !== undefined) throw new PeakdeskError(problem);
  const entry = http ? HTTP_DRIVER : WS_DRIVER;
  const workers: DriverHandle[] = [];
  for (let index = 0; index < drivers; index++) {
    const init: DriverInit = {
      index,
      workers: drivers,
      target: options.target,
      token: options.token,
      workloadModule: options.workloadModule,
      workloadSpec: options.workloadSpec,
      maxActive: Math.ceil(maxActive / drivers),
      sourceAddresses: options.sourceAddresses ?? defaultSourceAddresses(options.target),
      slipToleranceMs: options.slipToleranceMs ?? 20,
      replyTimeoutMs: options.replyTimeoutMs ?? 30_000,
      socketReuse: options.socketReuse ?? false,
      convsPerSocket,
      sendQuantumMs,
      // the drivers' shares add up to `connections`
      connections: Math.floor(connections / drivers) + (index < connections % drivers ? 1 : 0),
    };
    workers.push(
      options.driverProcesses === true
        ? new DriverProcess(entry, init)
        : startTsWorker(entry, init as unknown as Record<string, unknown>),
    );
  }
  await Promise.all(
    workers.map(
      (w, i) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', (msg: FromDriver) =>
            msg.kind === 'ready' ? resolve() : reject(new Error(msg.kind)),
          );
          w.once('error', (err) => reject(new PeakdeskError(`driver ${i} failed to start: ${String(err)}`)));
        }),
    ),
  );

  // The run's totals take every second's counts and live for the run: plain 32-bit counts (~180 KB each),
  // whose adds cost a fraction of the packed array's index lookups (these adds were the main thread's
  // largest cost in a profile). The per-second histograms handed to onSample stay packed and small.
  const totals = {
    counters: createCounters(),
    latency: createRecorderHistogram(),
    latencyByIntent: new Map<string, Histogram>(),
    slip: createRecorderHistogram(),
  };
  let pending = {
    counters: createCounters(),
    latency: createLatencyHistogram(),
    latencyByIntent: new Map<string, Histogram>(),
    slip: createLatencyHistogram(),
    loopLagP99Ms: 0,
  };
  const lastFlush = new Map<number, DriverFlush>();
  let clock: RunClock = createClock();
  const startEpochMs = performance.timeOrigin + performance.now();
  const nowReal = (): number => performance.timeOrigin + performance.now() - startEpochMs;
  let stopping = false;
  let stoppedEarly = false;
  let drainDeadline: number | undefined;

  function absorb(flush: DriverFlush): void {
    lastFlush.set(flush.index, flush);
    mergeCounters(pending.counters, flush.counters);
    mergeCounters(totals.counters, flush.counters);
    addDelta(pending.latency, flush.latency);
    addDelta(totals.latency, flush.latency);
    addDelta(pending.slip, flush.slip);
    addDelta(totals.slip, flush.slip);
    mergeHistogramsInto(pending.latencyByIntent, flush.latencyByIntent, createLatencyHistogram);
    mergeHistogramsInto(totals.latencyByIntent, flush.latencyByIntent, createRecorderHistogram);
    pending.loopLagP99Ms = Math.max(pending.loopLagP99Ms, flush.loopLagP99Ms);
  }

  /**
   * Drivers flush once a second each; a sample goes out when every driver has flushed since the last
   * one (so a sample holds one second of each, never zero or two: on a timer of its own a sample's
   * counts jittered by ±1 s worth), or after SAMPLE_FALLBACK_MS when a driver is late.
   */
  const flushedSinceSample = new Set<number>();
  let lastSampleReal = 0;

  function emitSample(): void {
    const real = nowReal();
    lastSampleReal = real;
    flushedSinceSample.clear();
    let active = 0;
    let openSockets = 0;
    for (const f of lastFlush.values()) {
      active += f.active;
      openSockets += f.openSockets;
    }
    options.onSample?.({
      realSec: real / 1000,
      planMs: planAt(clock, real),
      rate: currentRate(clock),
      counters: pending.counters,
      latency: pending.latency,
      latencyByIntent: pending.latencyByIntent,
      slip: pending.slip,
      loopLagP99Ms: pending.loopLagP99Ms,
      active,
      openSockets,
    });
    pending = {
      counters: createCounters(),
      latency: createLatencyHistogram(),
      latencyByIntent: new Map(),
      slip: createLatencyHistogram(),
      loopLagP99Ms: 0,
    };
  }

  let resolveDone: (t: LoadTotals) => void = () => undefined;
  const done = new Promise<LoadTotals>((resolve) => {
    resolveDone = resolve;
  });
  /** Drivers that stopped, or failed (a failed driver's last flush stands for its share). */
  const stoppedDrivers = new Set<number>();

  function driverStopped(index: number): void {
    if (stoppedDrivers.has(index)) return;
    stoppedDrivers.add(index);
    if (stoppedDrivers.size < workers.length) return;
    clearInterval(ticker);
    emitSample();
    void Promise.all(workers.map((x) => x.terminate())).then(() => {
      let inFlight = 0;
      for (const f of lastFlush.values()) inFlight += f.uncounted;
      resolveDone({ ...totals, inFlightAtStop: inFlight, realMs: nowReal(), stoppedEarly });
    });
  }

  function stopAll(early: boolean): void {
    if (stopping) return;
    stopping = true;
    stoppedEarly = early;
    for (const w of workers) w.postMessage({ kind: 'stop' } satisfies ToDriver);
  }

  const ticker = setInterval(() => {
    if (nowReal() - lastSampleReal >= SAMPLE_FALLBACK_MS) emitSample();
    const flushes = [...lastFlush.values()];
    const allDone = flushes.length === workers.length && flushes.every((f) => f.done);
    if (allDone) stopAll(false);
    else if (drainDeadline !== undefined && nowReal() > drainDeadline) stopAll(false);
  }, TICK_MS);

  for (const [index, w] of workers.entries()) {
    w.on('message', (msg: FromDriver) => {
      if (msg.kind === 'flush') {
        absorb(msg);
        flushedSinceSample.add(index);
        if (flushedSinceSample.size === workers.length) emitSample();
        const flushes = [...lastFlush.values()];
        if (
          drainDeadline === undefined &&
          flushes.length === workers.length &&
          flushes.every((f) => f.arrivalsDone)
        ) {
          drainDeadline = nowReal() + (options.drainMs ?? 15_000);
        }
      } else if (msg.kind === 'stopped') {
        driverStopped(index);
      }
    });
    w.on('error', (err) => {
      process.stderr.write(`peakdesk: driver ${index} failed: ${String(err)}\n`);
      stopAll(true);
      driverStopped(index);
    });
  }

  for (const w of workers) w.postMessage({ kind: 'start', startEpochMs, clock } satisfies ToDriver);

  return {
    startEpochMs,
    setRate(rate: number): void {
      clock = withRate(clock, nowReal(), rate);
      for (const w of workers) w.postMessage({ kind: 'clock', clock } satisfies ToDriver);
    },
    rate: () => currentRate(clock),
    stop: () => stopAll(true),
    done,
  };
}
