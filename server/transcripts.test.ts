import { describe, expect, it } from 'vitest';
import {
  openTranscript,
  openTurn,
  sealTurn,
  type TranscriptTurn,
  transcriptHeader,
  transcriptKey,
} from './transcripts.ts';

const HEX = 'a'.repeat(64);
const key = transcriptKey({ PEAKDESK_TRANSCRIPT_KEY: HEX });
const turn: TranscriptTurn = {
  t: 1,
  conv: 'c-1',
  text: '手机 138****5678',
  reply: '好的',
  intent: 'account',
  action: 'answer',
  resolved: true,
};

describe('encrypted transcripts', () => {
  it('round-trips a turn, and never shows the plaintext in the sealed line', () => {
    const sealed = sealTurn(key, turn);
    expect(openTurn(key, sealed)).toEqual(turn);
    expect(Buffer.from(sealed, 'base64').toString('utf8')).not.toContain('138');
    expect(sealTurn(key, turn)).not.toBe(sealed); // fresh IV each time
  });

  it('refuses a tampered line and a wrong key', () => {
    const sealed = Buffer.from(sealTurn(key, turn), 'base64');
    sealed[20] = (sealed[20] ?? 0) ^ 1;
    expect(() => openTurn(key, sealed.toString('base64'))).toThrow(
      'Unsupported state or unable to authenticate data',
    );
    const other = transcriptKey({ PEAKDESK_TRANSCRIPT_KEY: 'b'.repeat(64) });
    const file = `${transcriptHeader(key)}\n${sealTurn(key, turn)}\n`;
    expect(() => openTranscript(other, file)).toThrow(
      /^this file was sealed with key [0-9a-f]{16}, not with the key in PEAKDESK_TRANSCRIPT_KEY/,
    );
  });

  it('reads a file cut short by a crash, reporting the torn last line', () => {
    const full = `${transcriptHeader(key)}\n${sealTurn(key, turn)}\n${sealTurn(key, { ...turn, conv: 'c-2' })}\n`;
    const torn = full.slice(0, full.length - 10);
    expect(openTranscript(key, full)).toEqual({
      turns: [turn, { ...turn, conv: 'c-2' }],
      tornLastLine: false,
    });
    expect(openTranscript(key, torn)).toEqual({ turns: [turn], tornLastLine: true });
  });

  it('names the variable and the rule when the key is missing or wrong', () => {
    expect(() => transcriptKey({})).toThrow(/^PEAKDESK_TRANSCRIPT_KEY must hold a 32-byte key/);
    expect(() => transcriptKey({ PEAKDESK_TRANSCRIPT_KEY: 'c2hvcnQ=' })).toThrow(
      'PEAKDESK_TRANSCRIPT_KEY must decode to 32 bytes, got 5',
    );
    expect(transcriptKey({ PEAKDESK_TRANSCRIPT_KEY: Buffer.alloc(32, 7).toString('base64') })).toEqual(
      Buffer.alloc(32, 7),
    );
  });
});

describe('recording through the server', () => {
  it('writes masked, sealed turns per thread that decrypt back', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startServer } = await import('./server.ts');
    const WebSocket = (await import('ws')).default;
    const dir = mkdtempSync(join(tmpdir(), 'peakdesk-tx-'));
    process.env.PEAKDESK_TRANSCRIPT_KEY = HEX;
    const server = await startServer({ port: 0, threads: 1, transcriptsPath: join(dir, 'tx.jsonl') });
    const ws = new WebSocket(server.wsUrl);
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(
      JSON.stringify({ type: 'msg', id: 'm1', conv: 'c-9', text: '我的手机号是13812345678，帮我查订单' }),
    );
    await new Promise((resolve) => ws.once('message', resolve));
    ws.close();
    await server.stop();
    delete process.env.PEAKDESK_TRANSCRIPT_KEY;
    const file = readFileSync(join(dir, 'tx.jsonl.t0'), 'utf8');
    expect(file).not.toContain('13812345678');
    const { turns, tornLastLine } = openTranscript(key, file);
    expect(tornLastLine).toBe(false);
    expect(turns).toHaveLength(1);
    expect(turns[0]?.conv).toBe('c-9');
    expect(turns[0]?.text).toContain('138****5678');
    expect(turns[0]?.text).not.toContain('13812345678');
  });
});
