// Worker-thread bootstrap: registers the TypeScript loader in the worker, then imports the
// TypeScript module named by workerData.entry (a file URL). See sim/util/ts-worker.ts.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
