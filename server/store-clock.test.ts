import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { cst } from './data/clock.ts';
import { serverDefaults } from './options.ts';
import { parseStoreClock } from './serve-command.ts';
import { startServer } from './server.ts';

async function ask(url: string, text: string): Promise<string> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ type: 'msg', id: 'm-1', conv: 'c-1', text }));
  const reply = await new Promise<string>((resolve) => ws.once('message', (d) => resolve(d.toString())));
  ws.close();
  return (JSON.parse(reply) as { text: string }).text;
}

describe('the store clock', () => {
  it('starts at Double-11 midnight by default and moves with the server, so answers do not go stale', async () => {
    expect(serverDefaults.storeClockStartMs).toBe(cst(2026, 11, 11));
    // order 15 of the default store is out for delivery on 11 Nov and signed for later
    const question = '我要退货 E2026111000000015';
    const onTheDay = await startServer({ port: 0, threads: 1 });
    const halfYearOn = await startServer({ port: 0, threads: 1, storeClockStartMs: cst(2027, 6, 1) });
    try {
      expect(await ask(onTheDay.wsUrl, question)).toContain('包裹还没签收');
      expect(await ask(halfYearOn.wsUrl, question)).toContain('已超过签收后7天');
    } finally {
      await Promise.all([onTheDay.stop(), halfYearOn.stop()]);
    }
  });

  it('--store-clock takes "wall" or an ISO time with its offset, and names itself otherwise', () => {
    expect(parseStoreClock('wall')).toBeNull();
    expect(parseStoreClock('2026-11-11T20:00+08:00')).toBe(cst(2026, 11, 11, 20));
    expect(() => parseStoreClock('tomorrow')).toThrow(
      '--store-clock must be "wall" or an ISO 8601 time like 2026-11-11T20:00+08:00, got "tomorrow"',
    );
    expect(() => parseStoreClock('2026-13-45T99:00')).toThrow('--store-clock must be');
  });
});
