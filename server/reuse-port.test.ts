import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer } from './server.ts';

async function chatOnce(url: string): Promise<string> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'msg', id: 'm-1', conv: 'c-1', text: '你好' }));
  const reply = await new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
  ws.close();
  return (JSON.parse(reply) as { type: string }).type;
}

describe('--reuse-port', () => {
  it('refuses a busy port by default, joins it with reusePort, and serves alone once the first stops', async () => {
    const first = await startServer({ port: 0, threads: 1 });
    await expect(startServer({ port: first.port, threads: 1 })).rejects.toThrow(/EADDRINUSE/);
    const second = await startServer({ port: first.port, threads: 1, reusePort: true });
    try {
      expect(second.port).toBe(first.port);
      expect(await chatOnce(first.wsUrl)).toBe('reply');
      await first.stop();
      // every connection now lands on the second server
      for (let i = 0; i < 5; i++) expect(await chatOnce(second.wsUrl)).toBe('reply');
    } finally {
      await second.stop();
    }
  });

  it('needs a port to share', async () => {
    await expect(startServer({ port: 0, reusePort: true })).rejects.toThrow('--reuse-port needs a --port');
  });
});
