// Property-based fuzzing of what clients can send. FUZZ_RUNS raises the budget (`npm run fuzz`).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ERROR_CODES, parseClientFrame, parseHttpBody } from './protocol.ts';
import { type RunningServer, startServer } from './server.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

/** Frames a hostile or broken client might send: random text, random JSON, near-valid frames, deep nesting. */
const frames = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.jsonValue({ maxDepth: 6 }).map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom('msg', 'end', 'MSG', ''), fc.string()),
        id: fc.oneof(fc.string({ maxLength: 200 }), fc.integer(), fc.constant(null)),
        conv: fc.oneof(fc.string({ maxLength: 200 }), fc.boolean()),
        text: fc.oneof(fc.string({ maxLength: 500 }), fc.double(), fc.array(fc.string())),
        reason: fc.constantFrom('resolved', 'abandoned', 'handoff_accepted', 'x'),
        locale: fc.oneof(fc.constantFrom('zh-CN', 'en-US', 'fr'), fc.string()),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.integer({ min: 1, max: 3000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc
    .integer({ min: 1, max: 2000 })
    .map((depth) => `{"type":"msg","id":"d","conv":"c","text":${'['.repeat(depth)}1${']'.repeat(depth)}}`),
);

describe('protocol parser under fuzzing', () => {
  it('never throws and answers every bad frame with a known error code', () => {
    fc.assert(
      fc.property(frames, (raw) => {
        const parsed = parseClientFrame(raw);
        if (!parsed.ok) {
          expect(ERROR_CODES).toContain(parsed.error.code);
          expect(parsed.error.message.length).toBeGreaterThan(0);
        } else {
          expect(['msg', 'end']).toContain(parsed.value.type);
        }
        const http = parseHttpBody(raw);
        if (!http.ok) expect(ERROR_CODES).toContain(http.error.code);
      }),
      { numRuns: RUNS * 10 },
    );
  });
});

describe('server under fuzzing', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      port: 0,
      threads: 2,
      rateLimitPerSec: 1_000_000,
      rateLimitBurst: 1_000_000,
      abuseErrorLimit: 1_000_000,
    });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers each WS frame with exactly one reply or error (none for a valid end) and keeps serving', async () => {
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(server.wsUrl);
      s.once('open', () => resolve(s));
      s.once('error', reject);
    });
    const inbox: Record<string, unknown>[] = [];
    ws.on('message', (d) => inbox.push(JSON.parse(d.toString()) as Record<string, unknown>));
    await fc.assert(
      fc.asyncProperty(frames, async (raw) => {
        const before = inbox.length;
        const parsed = parseClientFrame(raw);
        const expected = parsed.ok && parsed.value.type === 'end' ? 0 : 1;
        // a fence message after each fuzz frame: its reply proves the fuzz frame's answer (if any) came first
        ws.send(raw);
        ws.send(JSON.stringify({ type: 'msg', id: 'fence', conv: 'fence', text: '你好' }));
        await new Promise<void>((resolve) => {
          const check = (): void => {
            if (inbox.slice(before).some((f) => f.replyTo === 'fence')) resolve();
            else setTimeout(check, 1);
          };
          check();
        });
        const answers = inbox.slice(before).filter((f) => f.replyTo !== 'fence');
        expect(answers).toHaveLength(expected);
        if (expected === 1 && !parsed.ok) expect(answers[0]?.type).toBe('error');
      }),
      { numRuns: RUNS },
    );
    expect(ws.readyState).toBe(WebSocket.OPEN);
    ws.close();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers every fuzzed HTTP body with 200 or a 4xx error code, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(frames, async (raw) => {
        const res = await fetch(`${server.url}/v1/chat`, { method: 'POST', body: raw });
        const body = (await res.json()) as Record<string, unknown>;
        if (res.status === 200) expect(typeof body.session).toBe('string');
        else {
          expect([400, 413]).toContain(res.status);
          expect(ERROR_CODES).toContain(body.code);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('per-address connection cap', () => {
  it('refuses the connection past the cap with 429, and admits again after one closes', async () => {
    const capped = await startServer({ port: 0, threads: 2, maxConnsPerIp: 2 });
    const open = (): Promise<WebSocket> =>
      new Promise((resolve, reject) => {
        const s = new WebSocket(capped.wsUrl);
        s.once('open', () => resolve(s));
        s.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
        s.once('error', reject);
      });
    const a = await open();
    const b = await open();
    await expect(open()).rejects.toThrow('HTTP 429');
    const closed = new Promise((resolve) => a.once('close', resolve));
    a.close();
    await closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const c = await open();
    b.close();
    c.close();
    await capped.stop();
  });
});
