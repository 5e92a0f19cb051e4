// Comparison: the same bot brain and chat service behind a `ws`-library server (what most people write).
// In a worker thread it posts its port and stops on any message; as a process of its own (so its CPU
// can be read apart: bench/server-cost.ts) it prints "port N" and stops on SIGTERM.

import { performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import { createBrain } from '../../server/bot/brain.ts';
import type { Session } from '../../server/bot/types.ts';
import { handleWsText } from '../../server/chat-service.ts';
import { serverFrameJson } from '../../server/protocol.ts';

const brain = createBrain({});
const metrics = { message: () => undefined, reply: () => undefined, error: () => undefined };
const ctx = { brain, metrics, nowMs: Date.now, hrMs: () => performance.now(), maxConvsPerSocket: 32 };
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/chat', perMessageDeflate: false });
wss.on('connection', (ws) => {
  const convs = new Map<string, Session>();
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const out = handleWsText(ctx, convs, data as Buffer);
    // As the uWS server writes them, so that the two differ only in the framework.
    if (out !== null) ws.send(serverFrameJson(out));
  });
});
function stop(then: () => void): void {
  for (const c of wss.clients) c.terminate();
  wss.close(then);
}
wss.on('listening', () => {
  const address = wss.address();
  const listening = typeof address === 'object' && address !== null ? address.port : 0;
  if (parentPort !== null) parentPort.postMessage(listening);
  else process.stdout.write(`port ${listening}\n`);
});
if (parentPort !== null) {
  const port = parentPort;
  port.on('message', () => stop(() => port.close()));
} else {
  process.once('SIGTERM', () => stop(() => process.exit(0)));
}
