// Protocol v1 over real sockets: one contract suite run over both transports, then what is transport-specific.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { INTENTS, QUEUES } from './bot/types.ts';
import { type RunningServer, startServer } from './server.ts';

const TOKEN = 'test-token-123';
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, threads: 2, token: TOKEN, rateLimitPerSec: 20, rateLimitBurst: 5 });
});
afterAll(async () => {
  await server.stop();
});

interface Turn {
  status: number;
  body: Record<string, unknown>;
}

/** A customer talking over one transport; `say` returns the reply object (WS reply frame or HTTP `reply`). */
interface ChatClient {
  say(text: string, locale?: string): Promise<Turn>;
  close(): Promise<void>;
}

/** One request on a fresh TCP connection (so SO_REUSEPORT may land it on any thread). */
function freshRequest(
  url: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method, agent: false, headers: { authorization: `Bearer ${TOKEN}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(url: string, protocols?: string | string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

function closed(ws: WebSocket): Promise<[number, string]> {
  return new Promise((resolve) => ws.once('close', (code, reason) => resolve([code, reason.toString()])));
}

const transports: { name: string; open(): Promise<ChatClient> }[] = [
  {
    name: 'WebSocket',
    async open() {
      const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
      let n = 0;
      return {
        async say(text, locale) {
          const id = `m-${++n}`;
          ws.send(JSON.stringify({ type: 'msg', id, conv: 'c-1', text, locale }));
          const frame = await nextFrame(ws);
          expect(frame.replyTo).toBe(id);
          expect(frame.conv).toBe('c-1');
          expect(frame.type).toBe('reply');
          return { status: 200, body: frame };
        },
        async close() {
          ws.close();
          await closed(ws);
        },
      };
    },
  },
  {
    name: 'HTTP',
    async open() {
      let session: string | undefined;
      return {
        async say(text, locale) {
          const res = await fetch(`${server.url}/v1/chat`, {
            method: 'POST',
            headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
            body: JSON.stringify({ session, text, locale }),
          });
          const body = (await res.json()) as { session: string; reply: Record<string, unknown> };
          if (session !== undefined) expect(body.session).toBe(session);
          session = body.session;
          return { status: res.status, body: body.reply };
        },
        async close() {
          // HTTP keeps no connection per customer: nothing to close
        },
      };
    },
  },
];

describe.each(transports)('protocol v1 contract over $name', (transport) => {
  it('answers a message with a reply that has every field of the protocol', async () => {
    const client = await transport.open();
    const { status, body } = await client.say('你好');
    expect(status).toBe(200);
    expect(typeof body.text).toBe('string');
    expect(INTENTS).toContain(body.intent);
    expect(body.confidence).toBeGreaterThanOrEqual(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(['answer', 'clarify', 'handoff']).toContain(body.action);
    expect(typeof body.resolved).toBe('boolean');
    expect(Number.isInteger(body.serverMicros)).toBe(true);
    expect(body.action === 'handoff').toBe(body.handoff !== undefined);
    await client.close();
  });

  it('hands an explicit human request off to a queue, with the reason', async () => {
    const client = await transport.open();
    const { body } = await client.say('我要转人工客服');
    expect(body.action).toBe('handoff');
    expect(body.resolved).toBe(false);
    const handoff = body.handoff as { queue: string; reason: string };
    expect(QUEUES).toContain(handoff.queue);
    expect(handoff.reason).toBe('request');
    await client.close();
  });

  it('keeps one conversation across turns', async () => {
    const client = await transport.open();
    for (const text of ['在吗', 'hello', '谢谢']) {
      expect((await client.say(text, 'zh-CN')).status).toBe(200);
    }
    await client.close();
  });
});

describe('WebSocket errors', () => {
  it.each([
    ['{not json', 'bad_json', /^frame is not valid JSON: /],
    ['[1,2]', 'bad_type', /^frame must be a JSON object$/],
    ['{"type":"hello","id":"x1"}', 'bad_type', /^unknown frame type "hello"; expected "msg" or "end"$/],
    ['{"type":"msg","id":"x2","conv":"c"}', 'bad_type', /^field "text" must be string$/],
    ['{"type":"msg","id":"x3","conv":"c","text":42}', 'bad_type', /^field "text" must be string$/],
    ['{"type":"msg","id":"x4","conv":"c","text":""}', 'bad_type', /^field "text" must not be empty$/],
    [
      '{"type":"end","conv":"c","reason":"bored"}',
      'bad_type',
      /^field "reason" must be one of resolved, abandoned, handoff_accepted$/,
    ],
  ])('answers %s with %s and keeps serving', async (raw, code, message) => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    ws.send(raw);
    const frame = await nextFrame(ws);
    expect(frame.type).toBe('error');
    expect(frame.code).toBe(code);
    expect(frame.message).toMatch(message);
    const id = /"id":"(x\d)"/.exec(raw)?.[1];
    expect(frame.replyTo).toBe(id);
    ws.send(JSON.stringify({ type: 'msg', id: 'ok', conv: 'c', text: '你好' }));
    expect((await nextFrame(ws)).replyTo).toBe('ok');
    ws.close();
  });

  it('answers binary frames with bad_type', async () => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    ws.send(Buffer.from([0xff, 0x00, 0x7b]), { binary: true });
    expect(await nextFrame(ws)).toEqual({
      type: 'error',
      code: 'bad_type',
      message: 'binary frames are not accepted; send JSON in text frames',
    });
    ws.close();
  });

  it('answers a frame over 16 KiB with too_large', async () => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    const payload = JSON.stringify({ type: 'msg', id: 'big', conv: 'c', text: '大'.repeat(6000) });
    expect(Buffer.byteLength(payload)).toBe(18046);
    ws.send(payload);
    expect(await nextFrame(ws)).toEqual({
      type: 'error',
      code: 'too_large',
      message: 'frame is 18046 bytes; the limit is 16384',
    });
    ws.close();
  });

  it('rate-limits a socket past its burst, naming the message', async () => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    const frames: Record<string, unknown>[] = [];
    const all = new Promise<void>((resolve) =>
      ws.on('message', (d) => {
        frames.push(JSON.parse(d.toString()));
        if (frames.length === 8) resolve();
      }),
    );
    for (let i = 0; i < 8; i++)
      ws.send(JSON.stringify({ type: 'msg', id: `r${i}`, conv: 'c', text: '你好' }));
    await all;
    expect(frames.slice(0, 5).map((f) => f.type)).toEqual(['reply', 'reply', 'reply', 'reply', 'reply']);
    const limited = frames.slice(5);
    expect(limited.map((f) => [f.code, f.replyTo])).toEqual([
      ['rate_limited', 'r5'],
      ['rate_limited', 'r6'],
      ['rate_limited', 'r7'],
    ]);
    ws.close();
  });

  it('closes a socket that keeps sending bad frames with 1008', async () => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    const done = closed(ws);
    for (let i = 0; i < 60; i++) ws.send('garbage');
    expect(await done).toEqual([1008, 'too many bad frames']);
  });

  it('fails the connection on a text frame of invalid UTF-8 (RFC 6455 §8.1), and serves other sockets', async () => {
    const ws = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    ws.send(JSON.stringify({ type: 'msg', id: 'u1', conv: 'c', text: '你好' }));
    expect((await nextFrame(ws)).replyTo).toBe('u1');
    const done = closed(ws);
    ws.send(Buffer.from('{"type":"msg","id":"u2","conv":"c","text":"\xff\xfe"}', 'latin1'), {
      binary: false,
    });
    // uWS drops the TCP connection without a close frame: the client sees 1006 and no error frame comes.
    expect(await done).toEqual([1006, '']);
    const other = await openSocket(`${server.wsUrl}?token=${TOKEN}`);
    other.send(JSON.stringify({ type: 'msg', id: 'u3', conv: 'c', text: '你好' }));
    expect((await nextFrame(other)).replyTo).toBe('u3');
    other.close();
  });

  it('rejects a socket without the token: error frame, then close 1008', async () => {
    const ws = new WebSocket(server.wsUrl);
    const frame = nextFrame(ws);
    const done = closed(ws);
    expect(await frame).toEqual({
      type: 'error',
      code: 'unauthorized',
      message: 'missing or wrong token (Authorization: Bearer … or ?token=)',
    });
    expect(await done).toEqual([1008, 'unauthorized']);
  });

  it('accepts the token as a Bearer header and speaks the peakdesk.v1 subprotocol', async () => {
    const ws = await new Promise<WebSocket>((resolve, reject) => {
      const s = new WebSocket(server.wsUrl, 'peakdesk.v1', { headers: { authorization: `Bearer ${TOKEN}` } });
      s.once('open', () => resolve(s));
      s.once('error', reject);
    });
    expect(ws.protocol).toBe('peakdesk.v1');
    ws.send(JSON.stringify({ type: 'msg', id: 'a', conv: 'c', text: 'hi' }));
    expect((await nextFrame(ws)).type).toBe('reply');
    ws.send(JSON.stringify({ type: 'end', conv: 'c', reason: 'resolved' }));
    ws.send(JSON.stringify({ type: 'msg', id: 'b', conv: 'c', text: 'hi again' }));
    expect((await nextFrame(ws)).replyTo).toBe('b'); // `end` has no reply of its own
    ws.close();
  });
});

describe('HTTP errors', () => {
  async function post(
    body: string | Buffer,
    headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` },
  ) {
    const res = await fetch(`${server.url}/v1/chat`, { method: 'POST', headers, body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  it.each([
    ['{oops', 400, 'bad_json'],
    ['"just a string"', 400, 'bad_type'],
    ['{"text":7}', 400, 'bad_type'],
    ['{"session":"s","locale":"zh-CN"}', 400, 'bad_type'],
  ])('answers %s with %i %s', async (raw, status, code) => {
    const res = await post(raw);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.type).toBe('error');
  });

  it('answers invalid UTF-8 with 400 bad_json', async () => {
    const res = await post(Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x7d]));
    expect(res).toEqual({
      status: 400,
      body: { type: 'error', code: 'bad_json', message: 'body is not valid UTF-8' },
    });
  });

  it('answers an oversize body with 413 too_large', async () => {
    const res = await post(JSON.stringify({ text: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('too_large');
  });

  it('answers a missing token with 401 unauthorized, but /healthz stays open', async () => {
    const res = await post(JSON.stringify({ text: 'hi' }), {});
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('answers unknown routes with 404', async () => {
    const res = await fetch(`${server.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no route for GET /nope' });
  });
});

describe('threads', () => {
  it('spreads fresh connections over both threads', async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 40 && seen.size < 2; i++) {
      seen.add((await freshRequest(`${server.url}/healthz`)).json.thread as number);
    }
    expect([...seen].sort()).toEqual([0, 1]);
  });

  it('serves an HTTP session from whichever thread a new connection lands on', async () => {
    const first = await fetch(`${server.url}/v1/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ text: '你好' }),
    });
    const { session } = (await first.json()) as { session: string };
    expect(session).toMatch(/^s[01]\.[A-Za-z0-9_-]{12}$/);
    for (let i = 0; i < 12; i++) {
      const res = await freshRequest(
        `${server.url}/v1/chat`,
        'POST',
        JSON.stringify({ session, text: '在吗' }),
      );
      expect(res.status).toBe(200);
      expect(res.json.session).toBe(session);
    }
  });

  it('aggregates /metrics over all threads', async () => {
    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toMatch(/^peakdesk_messages_total \d+$/m);
    expect(text).toMatch(/^peakdesk_errors_total\{code="bad_json"\} \d+$/m);
    expect(text).toMatch(/^peakdesk_handoffs_total\{queue="\w+",reason="request"\} \d+$/m);
    expect(text).toMatch(/^peakdesk_reply_seconds_bucket\{le="0\.001"\} \d+$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });
});

describe('graceful shutdown', () => {
  it('closes open sockets with 1001 and stops within 5 s', async () => {
    const own = await startServer({ port: 0, threads: 2 });
    const sockets = await Promise.all([openSocket(own.wsUrl), openSocket(own.wsUrl), openSocket(own.wsUrl)]);
    const codes = Promise.all(sockets.map(closed));
    const t0 = Date.now();
    await own.stop();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(await codes).toEqual([
      [1001, 'server shutting down'],
      [1001, 'server shutting down'],
      [1001, 'server shutting down'],
    ]);
    await expect(fetch(`${own.url}/healthz`)).rejects.toThrow();
  });
});
