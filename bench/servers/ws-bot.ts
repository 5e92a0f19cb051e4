// Comparison: the same bot brain and chat service behind a `ws`-library server (what most people write).

import { performance } from 'node:perf_hooks';
import { type MessagePort, parentPort } from 'node:worker_threads';
import { WebSocketServer } from 'ws';
import { createBrain } from '../../server/bot/brain.ts';
import type { Session } from '../../server/bot/types.ts';
import { handleWsText } from '../../server/chat-service.ts';

const port = parentPort as MessagePort;
const brain = createBrain({});
const metrics = { message: () => undefined, reply: () => undefined, error: () => undefined };
const ctx = { brain, metrics, nowMs: Date.now, hrMs: () => performance.now(), maxConvsPerSocket: 32 };
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/chat', perMessageDeflate: false });
wss.on('connection', (ws) => {
  const convs = new Map<string, Session>();
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const out = handleWsText(ctx, convs, data.toString());
    if (out !== null) ws.send(JSON.stringify(out));
  });
});
wss.on('listening', () => {
  const address = wss.address();
  port.postMessage(typeof address === 'object' && address !== null ? address.port : 0);
});
port.on('message', () => {
  for (const c of wss.clients) c.terminate();
  wss.close(() => port.close());
});
