// Memory per open WebSocket: a `peakdesk serve` child process (its RSS from /proc) and this process
// as the client, with N idle sockets spread over loopback source addresses.
import WebSocket from 'ws';
import { rssOf, startServeProcess } from './serve-process.ts';

async function settle(): Promise<void> {
  globalThis.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

export interface ConnectionFigures {
  sockets: number;
  serverBytesPerSocket: number;
  clientBytesPerSocket: number;
  openSeconds: number;
}

export async function measureConnections(count: number): Promise<ConnectionFigures> {
  const serve = await startServeProcess([
    '--port',
    '0',
    '--threads',
    '1',
    '--max-conns-per-ip',
    '0',
    '--idle-timeout',
    '0',
  ]);
  const { child, port } = serve;
  await settle();
  const serverBefore = rssOf(child.pid as number);
  const clientBefore = process.memoryUsage().rss;
  const sockets: WebSocket[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i += 500) {
    const batch = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
      const ws = new WebSocket(`ws://127.0.0.1:${port}/chat`, {
        perMessageDeflate: false,
        localAddress: `127.0.0.${1 + ((i + j) % 4)}`,
      });
      sockets.push(ws);
      return new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
    });
    await Promise.all(batch);
  }
  const openSeconds = (performance.now() - t0) / 1000;
  await settle();
  const figures: ConnectionFigures = {
    sockets: count,
    serverBytesPerSocket: Math.round((rssOf(child.pid as number) - serverBefore) / count),
    clientBytesPerSocket: Math.round((process.memoryUsage().rss - clientBefore) / count),
    openSeconds: Math.round(openSeconds * 100) / 100,
  };
  for (const ws of sockets) ws.terminate();
  await serve.stop();
  return figures;
}
