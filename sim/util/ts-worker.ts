import { Worker, type WorkerOptions } from 'node:worker_threads';

const bootstrap = new URL('../../bin/ts-worker.js', import.meta.url);

/** Starts a worker thread running a TypeScript module (workers do not inherit the tsx loader). */
export function startTsWorker(
  entry: URL,
  data: Record<string, unknown>,
  options: WorkerOptions = {},
): Worker {
  return new Worker(bootstrap, { ...options, workerData: { ...data, entry: entry.href } });
}
