// Faults the server must survive: a client that never reads its replies.
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer } from './server.ts';

async function openSockets(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^peakdesk_open_sockets (\d+)$/m.exec(text)?.[1]);
}

describe('slow readers', () => {
  it('drops a client that stops reading once its backlog passes the limit, and keeps serving others', async () => {
    const server = await startServer({
      port: 0,
      threads: 1,
      maxBackpressureBytes: 64 * 1024,
      rateLimitPerSec: 1_000_000,
      rateLimitBurst: 1_000_000,
    });
    const slow = await new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(server.wsUrl);
      s.once('open', () => resolve(s));
      s.once('error', reject);
    });
    const raw = (slow as unknown as { _socket: { pause(): void } })._socket;
    raw.pause(); // never read again: replies pile up in the kernel, then in the server
    const msg = JSON.stringify({
      type: 'msg',
      id: 'x',
      conv: 'c',
      text: '我想问一下这件羽绒服有没有L码，还有跨店满减怎么算',
    });
    for (let i = 0; i < 40_000; i++) slow.send(msg);
    let open = await openSockets(server.url);
    for (let i = 0; i < 100 && open !== 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      open = await openSockets(server.url);
    }
    expect(open).toBe(0);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    slow.terminate();
    await server.stop();
  });
});
