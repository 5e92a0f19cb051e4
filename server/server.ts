// Starts the reference bot server: N uWebSockets.js threads on one port (SO_REUSEPORT, which uWS sets
// on Linux), /metrics aggregated across threads here, graceful stop.
import { createServer } from 'node:net';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { PeakdeskError } from '../sim/errors.ts';
import { startTsWorker } from '../sim/util/ts-worker.ts';
import { createIpSlots } from './ip-slots.ts';
import { aggregateMetrics, createProcessRegistry, type MetricsSnapshot } from './metrics.ts';
import { resolveServerOptions, type ServerOptions } from './options.ts';
import { transcriptKey } from './transcripts.ts';
import type { FromWorker, ToWorker, WorkerInit } from './worker.ts';

export interface RunningServer {
  readonly options: ServerOptions;
  readonly port: number;
  /** Base URL, e.g. http://127.0.0.1:8080 */
  readonly url: string;
  /** WebSocket endpoint, e.g. ws://127.0.0.1:8080/chat */
  readonly wsUrl: string;
  /** Closes sockets with 1001 and stops the threads; resolves once all have exited (forced after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

const WORKER_ENTRY = new URL('./worker.ts', import.meta.url);

/**
 * A free port on `host`, checked with an exclusive bind. uWS binds with SO_REUSEPORT, so without this
 * check a second server on a busy port would silently share it; and a port that one uWS thread got
 * from port 0 cannot safely be joined by another thread (it crashes uWS 20.30), so threads bind a fixed port.
 */
function probePort(host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => {
      reject(new PeakdeskError(`cannot listen on ${host}:${port}: ${err.code ?? err.message}`));
    });
    probe.listen({ host, port, exclusive: true }, () => {
      const address = probe.address();
      const chosen = typeof address === 'object' && address !== null ? address.port : port;
      probe.close(() => resolve(chosen));
    });
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startServer(input: Partial<ServerOptions> = {}): Promise<RunningServer> {
  const options = resolveServerOptions(input);
  const port = options.reusePort ? options.port : await probePort(options.host, options.port);
  const resolved: ServerOptions = { ...options, port };
  const processRegistry = createProcessRegistry();
  const ipSlots = createIpSlots();
  const transcriptKeyHex =
    options.transcriptsPath === undefined ? undefined : transcriptKey().toString('hex');

  const meshes: (MessagePort | null)[][] = Array.from({ length: options.threads }, () =>
    Array.from({ length: options.threads }, () => null),
  );
  for (let a = 0; a < options.threads; a++) {
    for (let b = a + 1; b < options.threads; b++) {
      const { port1, port2 } = new MessageChannel();
      (meshes[a] as (MessagePort | null)[])[b] = port1;
      (meshes[b] as (MessagePort | null)[])[a] = port2;
    }
  }

  const workers: Worker[] = [];
  const collecting = new Map<number, { snapshots: MetricsSnapshot[]; waiting: number; done: () => void }>();
  let nextCollect = 1;

  async function collectText(): Promise<string> {
    const reqId = nextCollect++;
    const snapshots: MetricsSnapshot[] = [];
    await new Promise<void>((resolve) => {
      collecting.set(reqId, { snapshots, waiting: workers.length, done: resolve });
      for (const w of workers) w.postMessage({ kind: 'collect', reqId } satisfies ToWorker);
    });
    collecting.delete(reqId);
    snapshots.push(await processRegistry.getMetricsAsJSON());
    return aggregateMetrics(snapshots);
  }

  function onWorkerMessage(worker: Worker, msg: FromWorker): void {
    if (msg.kind === 'snapshot') {
      const c = collecting.get(msg.reqId);
      if (c === undefined) return;
      c.snapshots.push(JSON.parse(msg.json) as MetricsSnapshot);
      c.waiting--;
      if (c.waiting === 0) c.done();
    } else if (msg.kind === 'want-metrics') {
      void collectText().then((text) => {
        worker.postMessage({ kind: 'metrics-text', reqId: msg.reqId, text } satisfies ToWorker);
      });
    }
  }

  async function startWorker(threadIndex: number): Promise<Worker> {
    const peers = meshes[threadIndex] as (MessagePort | null)[];
    const transfer = peers.filter((p): p is MessagePort => p !== null);
    const init: WorkerInit = { options: resolved, threadIndex, peers, ipSlots, transcriptKeyHex };
    const worker = startTsWorker(WORKER_ENTRY, init as unknown as Record<string, unknown>, {
      transferList: transfer,
    });
    await new Promise<void>((resolve, reject) => {
      const onFirst = (msg: FromWorker): void => {
        if (msg.kind === 'listening') {
          worker.off('message', onFirst);
          resolve();
        } else if (msg.kind === 'listen-failed') {
          worker.off('message', onFirst);
          reject(new PeakdeskError(msg.message));
        }
      };
      worker.on('message', onFirst);
      worker.once('error', (err) =>
        reject(err instanceof PeakdeskError ? err : new PeakdeskError(String(err))),
      );
      worker.once('exit', (code) =>
        reject(new PeakdeskError(`server thread ${threadIndex} exited with ${code} while starting`)),
      );
    });
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.on('message', (msg: FromWorker) => onWorkerMessage(worker, msg));
    worker.on('error', (err) => {
      // The other threads keep serving on the shared port; say so rather than die silently.
      process.stderr.write(`peakdesk serve: server thread ${threadIndex} failed: ${String(err)}\n`);
    });
    return worker;
  }

  try {
    for (let i = 0; i < options.threads; i++) workers.push(await startWorker(i));
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }

  let stopping: Promise<void> | undefined;
  const url = `http://${hostForUrl(options.host)}:${port}`;
  return {
    options: resolved,
    port,
    url,
    wsUrl: `ws://${hostForUrl(options.host)}:${port}/chat`,
    stop(graceMs = 4500): Promise<void> {
      stopping ??= Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              const force = setTimeout(() => void w.terminate(), graceMs);
              w.once('exit', () => {
                clearTimeout(force);
                resolve();
              });
              w.postMessage({ kind: 'shutdown' } satisfies ToWorker);
            }),
        ),
      ).then(() => undefined);
      return stopping;
    },
  };
}
