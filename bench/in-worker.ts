// A bench server (bench/servers/*.ts) in a worker thread of this process: it posts its port once listening
// and exits when sent 'stop'.
import type { Worker } from 'node:worker_threads';
import { startTsWorker } from '../sim/util/ts-worker.ts';

export async function startInWorker(entry: URL): Promise<{ url: string; stop: () => Promise<void> }> {
  const worker: Worker = startTsWorker(entry, {});
  const port = await new Promise<number>((resolve) => worker.once('message', resolve));
  return {
    url: `ws://127.0.0.1:${port}/chat`,
    stop: async () => {
      worker.postMessage('stop');
      await new Promise((resolve) => worker.once('exit', resolve));
    },
  };
}
