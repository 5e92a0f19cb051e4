// How a driver talks to the load engine: a worker thread's parent port, or, for a driver in a child
// process (runs past one process's open-file limit), the IPC channel with structured-clone
// serialization. The driver code is the same either way.
import { parentPort, workerData } from 'node:worker_threads';
import type { DriverInit, FromDriver, ToDriver } from './driver-protocol.ts';

export interface DriverChannel {
  init: DriverInit;
  send(msg: FromDriver): void;
  onMessage(fn: (msg: ToDriver) => void): void;
  /** Closes the channel once everything sent has gone out; the thread or process then ends. */
  close(): void;
}

/** Real ms a driver process waits after closing its channel before it exits regardless. */
const PROCESS_EXIT_GRACE_MS = 2000;

export async function openDriverChannel(): Promise<DriverChannel> {
  if (parentPort !== null) {
    const port = parentPort;
    return {
      init: workerData as DriverInit,
      send: (msg) => port.postMessage(msg),
      onMessage: (fn) => port.on('message', fn),
      close: () => port.close(),
    };
  }
  if (process.send === undefined) {
    throw new Error('a driver runs in a worker thread or in a child process with an IPC channel');
  }
  const send = process.send.bind(process);
  const init = await new Promise<DriverInit>((resolve) => process.once('message', resolve));
  let unsent = 0;
  let closing = false;
  const disconnectWhenSent = (): void => {
    if (!closing || unsent > 0 || !process.connected) return;
    process.disconnect();
    setTimeout(() => process.exit(0), PROCESS_EXIT_GRACE_MS).unref();
  };
  return {
    init,
    send(msg) {
      unsent++;
      send(msg, undefined, undefined, () => {
        unsent--;
        disconnectWhenSent();
      });
    },
    onMessage: (fn) => process.on('message', fn),
    close() {
      closing = true;
      disconnectWhenSent();
    },
  };
}
