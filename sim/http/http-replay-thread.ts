// Runs the HTTP replay in its own thread and gives the main thread the engine's LoadRun: the run's
// per-second aggregation, result files and dashboard (~0.1 s of work a second) must not delay sends.

import type { LoadRun, LoadSample, LoadTotals } from '../engine/load-engine.ts';
import { PeakdeskError } from '../errors.ts';
import { addDelta, createLatencyHistogram, type Histogram } from '../metrics/latency.ts';
import { startTsWorker } from '../util/ts-worker.ts';
import type { FromHttpWorker, HttpWorkerInit, ToHttpWorker } from './http-replay-worker.ts';

export interface HttpReplayThreadOptions {
  /** http(s)://host:port/v1/chat */
  url: string;
  /** Bearer token for the target. @default undefined */
  token?: string | undefined;
  /** URL of the module exporting createWorkload(spec). */
  workloadModule: string;
  workloadSpec: unknown;
  /** Keep-alive connections to the target. @default 64 */
  connections?: number;
  /** Open conversations allowed; arrivals past it are dropped. @default 200000 */
  maxActive?: number;
  /** After the last arrival, real ms to let open conversations finish. @default 15000 */
  drainMs?: number;
  /** Real ms a reply may take before the message fails. @default 30000 */
  replyTimeoutMs?: number;
  onSample?: (sample: LoadSample) => void;
}

const ENTRY = new URL('./http-replay-worker.ts', import.meta.url);

function histogram(delta: Float64Array): Histogram {
  const h = createLatencyHistogram();
  addDelta(h, delta);
  return h;
}

function histograms(deltas: Record<string, Float64Array>): Map<string, Histogram> {
  return new Map(Object.entries(deltas).map(([intent, d]) => [intent, histogram(d)]));
}

/** Starts the HTTP replay thread; resolves once it is sending. */
export async function startHttpReplayThread(o: HttpReplayThreadOptions): Promise<LoadRun> {
  const init: HttpWorkerInit = {
    url: o.url,
    token: o.token,
    connections: o.connections ?? 64,
    maxActive: o.maxActive ?? 200_000,
    drainMs: o.drainMs,
    replyTimeoutMs: o.replyTimeoutMs,
    workloadModule: o.workloadModule,
    workloadSpec: o.workloadSpec,
  };
  const worker = startTsWorker(ENTRY, init as unknown as Record<string, unknown>);
  let rate = 1;
  let resolveDone: (t: LoadTotals) => void = () => undefined;
  let rejectDone: (err: Error) => void = () => undefined;
  const done = new Promise<LoadTotals>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  const startEpochMs = await new Promise<number>((resolve, reject) => {
    worker.on('message', (msg: FromHttpWorker) => {
      if (msg.kind === 'started') resolve(msg.startEpochMs);
      else if (msg.kind === 'sample') {
        o.onSample?.({
          realSec: msg.realSec,
          planMs: msg.planMs,
          rate: msg.rate,
          counters: msg.counters,
          latency: histogram(msg.latency),
          latencyByIntent: histograms(msg.latencyByIntent),
          slip: histogram(msg.slip),
          loopLagP99Ms: msg.loopLagP99Ms,
          active: msg.active,
        });
      } else {
        resolveDone({
          counters: msg.counters,
          latency: histogram(msg.latency),
          latencyByIntent: histograms(msg.latencyByIntent),
          slip: histogram(msg.slip),
          inFlightAtStop: msg.inFlightAtStop,
          realMs: msg.realMs,
          stoppedEarly: msg.stoppedEarly,
        });
      }
    });
    worker.on('error', (err) => {
      const failure =
        err instanceof PeakdeskError ? err : new PeakdeskError(`HTTP driver thread failed: ${String(err)}`);
      reject(failure);
      rejectDone(failure);
    });
  });
  // The caller awaits `done` later; until then a failure must not count as an unhandled rejection.
  done.catch(() => undefined);
  const post = (msg: ToHttpWorker): void => worker.postMessage(msg);
  return {
    startEpochMs,
    setRate(r: number): void {
      rate = r;
      post({ kind: 'rate', rate: r });
    },
    rate: () => rate,
    stop: () => post({ kind: 'stop' }),
    done,
  };
}
