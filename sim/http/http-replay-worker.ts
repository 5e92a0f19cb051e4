// The HTTP replay's thread: builds the workload from its cloneable spec, runs startHttpReplay and
// sends each second's sample (histograms as sparse deltas) and the final totals to the main thread,
// which aggregates, writes and draws without delaying a send (see http-replay-thread.ts).
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { Counters } from '../engine/counters.ts';
import type { WorkloadModule } from '../engine/workload.ts';
import { type Histogram, toDelta } from '../metrics/latency.ts';
import { startHttpReplay } from './http-replay.ts';

export interface HttpWorkerInit {
  url: string;
  token: string | undefined;
  connections: number;
  maxActive: number;
  drainMs: number | undefined;
  replyTimeoutMs: number | undefined;
  /** URL of a module exporting createWorkload(spec). */
  workloadModule: string;
  workloadSpec: unknown;
}

export interface WindowDelta {
  counters: Counters;
  latency: Float64Array;
  latencyByIntent: Record<string, Float64Array>;
  slip: Float64Array;
}

export type ToHttpWorker = { kind: 'rate'; rate: number } | { kind: 'stop' };

export type FromHttpWorker =
  | { kind: 'started'; startEpochMs: number }
  | (WindowDelta & {
      kind: 'sample';
      realSec: number;
      planMs: number;
      rate: number;
      loopLagP99Ms: number;
      active: number;
    })
  | (WindowDelta & {
      kind: 'done';
      inFlightAtStop: number;
      realMs: number;
      stoppedEarly: boolean;
    });

function deltas(byIntent: Map<string, Histogram>): Record<string, Float64Array> {
  const out: Record<string, Float64Array> = {};
  for (const [intent, h] of byIntent) out[intent] = toDelta(h);
  return out;
}

const init = workerData as HttpWorkerInit;
const port = parentPort as MessagePort;
const workloadModule = (await import(init.workloadModule)) as WorkloadModule;
const workload = await workloadModule.createWorkload(init.workloadSpec);
const run = await startHttpReplay({
  url: init.url,
  token: init.token,
  workload,
  connections: init.connections,
  maxActive: init.maxActive,
  drainMs: init.drainMs,
  replyTimeoutMs: init.replyTimeoutMs,
  onSample(s) {
    port.postMessage({
      kind: 'sample',
      realSec: s.realSec,
      planMs: s.planMs,
      rate: s.rate,
      loopLagP99Ms: s.loopLagP99Ms,
      active: s.active,
      counters: s.counters,
      latency: toDelta(s.latency),
      latencyByIntent: deltas(s.latencyByIntent),
      slip: toDelta(s.slip),
    } satisfies FromHttpWorker);
  },
});
port.postMessage({ kind: 'started', startEpochMs: run.startEpochMs } satisfies FromHttpWorker);
port.on('message', (msg: ToHttpWorker) => {
  if (msg.kind === 'rate') run.setRate(msg.rate);
  else run.stop();
});
const totals = await run.done;
port.postMessage({
  kind: 'done',
  counters: totals.counters,
  latency: toDelta(totals.latency),
  latencyByIntent: deltas(totals.latencyByIntent),
  slip: toDelta(totals.slip),
  inFlightAtStop: totals.inFlightAtStop,
  realMs: totals.realMs,
  stoppedEarly: totals.stoppedEarly,
} satisfies FromHttpWorker);
port.close();
