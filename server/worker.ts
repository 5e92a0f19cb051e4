// One server thread: a uWebSockets.js App on the shared port, a thin adapter around chat-service.ts.
// Started by server.ts through sim/util/ts-worker.ts; talks to the main thread and its peers by messages.

import type { HttpResponse, TemplatedApp, us_listen_socket, WebSocket } from 'uWebSockets.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { createBrain } from './bot/brain.ts';
import type { Session } from './bot/types.ts';
import { type ChatContext, handleHttpTurn, handleWsText } from './chat-service.ts';
import { type IpSlots, release, tryAcquire } from './ip-slots.ts';
import { createThreadMetrics } from './metrics.ts';
import { cachedCorpusModel } from './model-cache.ts';
import type { ServerOptions } from './options.ts';
import {
  type ErrorCode,
  type ErrorFrame,
  errorFrame,
  frameTextOf,
  type HttpChatBody,
  parseHttpBody,
  replyFrameJson,
} from './protocol.ts';
import { createBucket, type TokenBucket, takeToken } from './token-bucket.ts';
import { sealTurn, transcriptHeader } from './transcripts.ts';
import { TtlStore } from './ttl-store.ts';
import { closeApp, loadUws } from './uws.ts';

export interface WorkerInit {
  options: ServerOptions;
  threadIndex: number;
  /** Ports to the other threads, by thread index (null for this one), for HTTP sessions owned elsewhere. */
  peers: (MessagePort | null)[];
  /** Connections per client address, shared by all threads. */
  ipSlots: IpSlots;
  /** Hex AES-256 key when transcripts are recorded. */
  transcriptKeyHex: string | undefined;
}

/** Messages from the main thread. */
export type ToWorker =
  | { kind: 'collect'; reqId: number }
  | { kind: 'metrics-text'; reqId: number; text: string }
  | { kind: 'shutdown' };

/** Messages to the main thread. */
export type FromWorker =
  | { kind: 'listening'; port: number }
  | { kind: 'listen-failed'; message: string }
  | { kind: 'snapshot'; reqId: number; json: string }
  | { kind: 'want-metrics'; reqId: number }
  | { kind: 'closed' };

type PeerMessage =
  | { kind: 'turn'; reqId: number; body: HttpChatBody }
  | { kind: 'turn-result'; reqId: number; status: number; json: string };

interface SocketData {
  authorized: boolean;
  address: string;
  convs: Map<string, Session>;
  bucket: TokenBucket;
  errorWindowStart: number;
  errorsInWindow: number;
  closed: boolean;
}

const ERROR_STATUS: Record<ErrorCode, string> = {
  bad_json: '400 Bad Request',
  bad_type: '400 Bad Request',
  too_large: '413 Payload Too Large',
  rate_limited: '429 Too Many Requests',
  unauthorized: '401 Unauthorized',
};
const ABUSE_WINDOW_MS = 10_000;
const SHUTDOWN_FLUSH_MS = 200;

const init = workerData as WorkerInit;
const { options, threadIndex, peers, ipSlots } = init;
const transcriptFile =
  options.transcriptsPath === undefined ? undefined : `${options.transcriptsPath}.t${threadIndex}`;
const transcriptKeyBuf =
  init.transcriptKeyHex === undefined ? undefined : Buffer.from(init.transcriptKeyHex, 'hex');
let transcriptLines: string[] = [];
if (transcriptFile !== undefined && transcriptKeyBuf !== undefined) {
  writeFileSync(transcriptFile, `${transcriptHeader(transcriptKeyBuf)}\n`, { mode: 0o600 });
}

function flushTranscripts(): void {
  if (transcriptFile === undefined || transcriptLines.length === 0) return;
  appendFileSync(transcriptFile, `${transcriptLines.join('\n')}\n`);
  transcriptLines = [];
}
const port = parentPort as MessagePort;
const uws = loadUws();
const brain = createBrain({ seed: options.seed, model: cachedCorpusModel });
const metrics = createThreadMetrics();
const sessions = new TtlStore<Session>(options.sessionTtlSec * 1000, options.maxHttpSessions);
const sockets = new Set<WebSocket<SocketData>>();
const startedWallMs = Date.now();
const storeClockStartMs = options.storeClockStartMs;
const ctx: ChatContext = {
  brain,
  metrics,
  nowMs: storeClockStartMs === null ? Date.now : () => storeClockStartMs + (Date.now() - startedWallMs),
  hrMs: () => performance.now(),
  maxConvsPerSocket: options.maxConvsPerSocket,
  onTurn:
    transcriptKeyBuf === undefined
      ? undefined
      : (conv, text, reply) => {
          transcriptLines.push(
            sealTurn(transcriptKeyBuf, {
              t: Date.now(),
              conv,
              text: brain.mask(text),
              reply: brain.mask(reply.text),
              intent: reply.intent,
              action: reply.action,
              resolved: reply.resolved,
              ...(reply.handoff === undefined ? {} : { queue: reply.handoff.queue }),
            }),
          );
        },
};
const expectedToken = options.token === undefined ? undefined : Buffer.from(options.token);
const utf8 = new TextDecoder('utf-8', { fatal: true });
let listenSocket: us_listen_socket | false = false;
let shuttingDown = false;
let nextReqId = 1;
const pendingMetrics = new Map<number, PendingResponse>();
const pendingTurns = new Map<number, PendingResponse>();

interface PendingResponse {
  res: HttpResponse;
  aborted: boolean;
}

function authorized(header: string, query: string | undefined): boolean {
  if (expectedToken === undefined) return true;
  const given = header.startsWith('Bearer ') ? header.slice(7) : (query ?? '');
  const buf = Buffer.from(given);
  return buf.length === expectedToken.length && timingSafeEqual(buf, expectedToken);
}

function sendJson(res: HttpResponse, status: string, body: string, close = false): void {
  res.cork(() => {
    res.writeStatus(status).writeHeader('content-type', 'application/json; charset=utf-8').end(body, close);
  });
}

function sendError(res: HttpResponse, frame: ErrorFrame, close = false): void {
  metrics.error(frame.code);
  sendJson(res, ERROR_STATUS[frame.code], JSON.stringify(frame), close);
}

function newSessionId(): string {
  return `s${threadIndex}.${randomBytes(9).toString('base64url')}`;
}

/** The thread that holds an HTTP session: named in ids we issue, hashed for ids the client chose. */
function sessionOwner(id: string | undefined): number {
  if (id === undefined) return threadIndex;
  const match = /^s(\d{1,3})\./.exec(id);
  if (match !== null && Number(match[1]) < options.threads) return Number(match[1]);
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return h % options.threads;
}

function runTurn(body: HttpChatBody): { status: string; json: string } {
  return { status: '200 OK', json: JSON.stringify(handleHttpTurn(ctx, sessions, body, newSessionId)) };
}

function chatTurn(res: HttpResponse, pending: PendingResponse, raw: Buffer): void {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    sendError(res, errorFrame('bad_json', 'body is not valid UTF-8'));
    return;
  }
  const parsed = parseHttpBody(text);
  if (!parsed.ok) {
    sendError(res, parsed.error);
    return;
  }
  const owner = sessionOwner(parsed.value.session);
  const peer = peers[owner];
  if (owner === threadIndex || peer === null || peer === undefined) {
    const out = runTurn(parsed.value);
    sendJson(res, out.status, out.json);
    return;
  }
  const reqId = nextReqId++;
  pendingTurns.set(reqId, pending);
  peer.postMessage({ kind: 'turn', reqId, body: parsed.value } satisfies PeerMessage);
}

function readBody(res: HttpResponse, contentLength: number, onBody: (body: Buffer) => void): void {
  if (contentLength > options.maxPayloadBytes) {
    sendError(
      res,
      errorFrame('too_large', `body is ${contentLength} bytes; the limit is ${options.maxPayloadBytes}`),
      true,
    );
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let done = false;
  res.onData((chunk, isLast) => {
    if (done) return;
    size += chunk.byteLength;
    if (size > options.maxPayloadBytes) {
      done = true;
      sendError(
        res,
        errorFrame('too_large', `body exceeds the limit of ${options.maxPayloadBytes} bytes`),
        true,
      );
      return;
    }
    chunks.push(Buffer.from(chunk.slice(0)));
    if (isLast) {
      done = true;
      onBody(Buffer.concat(chunks, size));
    }
  });
}

function onSocketError(ws: WebSocket<SocketData>, data: SocketData, frame: ErrorFrame): void {
  ws.send(JSON.stringify(frame), false);
  const now = Date.now();
  if (now - data.errorWindowStart > ABUSE_WINDOW_MS) {
    data.errorWindowStart = now;
    data.errorsInWindow = 0;
  }
  data.errorsInWindow++;
  if (data.errorsInWindow > options.abuseErrorLimit) {
    ws.end(1008, 'too many bad frames');
  }
}

function quickId(text: string): string | undefined {
  return /"id"\s*:\s*"([^"\\]{1,128})"/.exec(text.slice(0, 512))?.[1];
}

function buildApp(): TemplatedApp {
  // uWS fails a connection whose frame passes its own limit; ours is lower so that a too-large
  // message still gets a `too_large` error frame and the socket lives on.
  const hardLimit = Math.max(64 * 1024, options.maxPayloadBytes * 4);
  return uws
    .App()
    .ws<SocketData>('/chat', {
      maxPayloadLength: hardLimit,
      idleTimeout: options.idleTimeoutSec,
      maxBackpressure: options.maxBackpressureBytes,
      closeOnBackpressureLimit: 1,
      sendPingsAutomatically: true,
      upgrade(res, req, context) {
        const address = Buffer.from(res.getRemoteAddressAsText()).toString();
        if (!tryAcquire(ipSlots, address, options.maxConnsPerIp)) {
          const frame = errorFrame(
            'rate_limited',
            `more than ${options.maxConnsPerIp} connections from ${address}`,
          );
          metrics.error('rate_limited');
          res
            .writeStatus('429 Too Many Requests')
            .writeHeader('content-type', 'application/json')
            .end(JSON.stringify(frame), true);
          return;
        }
        const offered = req.getHeader('sec-websocket-protocol');
        const protocol = offered.split(',').some((p) => p.trim() === 'peakdesk.v1') ? 'peakdesk.v1' : '';
        const data: SocketData = {
          authorized: authorized(req.getHeader('authorization'), req.getQuery('token')),
          address,
          convs: new Map(),
          bucket: createBucket(options.rateLimitBurst, Date.now()),
          errorWindowStart: Date.now(),
          errorsInWindow: 0,
          closed: false,
        };
        res.upgrade(
          data,
          req.getHeader('sec-websocket-key'),
          protocol,
          req.getHeader('sec-websocket-extensions'),
          context,
        );
      },
      open(ws) {
        const data = ws.getUserData();
        if (!data.authorized || shuttingDown) {
          const frame = shuttingDown
            ? null
            : errorFrame('unauthorized', 'missing or wrong token (Authorization: Bearer … or ?token=)');
          if (frame !== null) {
            metrics.error('unauthorized');
            ws.send(JSON.stringify(frame), false);
          }
          ws.end(shuttingDown ? 1001 : 1008, shuttingDown ? 'server shutting down' : 'unauthorized');
          return;
        }
        sockets.add(ws);
        metrics.socketOpened();
      },
      message(ws, message, isBinary) {
        const data = ws.getUserData();
        if (data.closed || !data.authorized) return;
        if (isBinary) {
          metrics.message();
          metrics.error('bad_type');
          onSocketError(
            ws,
            data,
            errorFrame('bad_type', 'binary frames are not accepted; send JSON in text frames'),
          );
          return;
        }
        if (message.byteLength > options.maxPayloadBytes) {
          metrics.message();
          metrics.error('too_large');
          onSocketError(
            ws,
            data,
            errorFrame(
              'too_large',
              `frame is ${message.byteLength} bytes; the limit is ${options.maxPayloadBytes}`,
            ),
          );
          return;
        }
        if (!takeToken(data.bucket, options.rateLimitPerSec, options.rateLimitBurst, Date.now())) {
          metrics.message();
          metrics.error('rate_limited');
          const msg = `more than ${options.rateLimitPerSec} messages/s (burst ${options.rateLimitBurst}) on this socket`;
          onSocketError(
            ws,
            data,
            errorFrame('rate_limited', msg, quickId(frameTextOf(new Uint8Array(message)))),
          );
          return;
        }
        const out = handleWsText(ctx, data.convs, Buffer.from(message));
        if (out === null) return;
        if (out.type === 'error') {
          onSocketError(ws, data, out);
          return;
        }
        ws.send(replyFrameJson(out), false);
      },
      close(ws) {
        const data = ws.getUserData();
        data.closed = true;
        release(ipSlots, data.address, options.maxConnsPerIp);
        if (sockets.delete(ws)) metrics.socketClosed();
      },
    })
    .get('/healthz', (res) => {
      sendJson(
        res,
        '200 OK',
        JSON.stringify({
          status: shuttingDown ? 'stopping' : 'ok',
          thread: threadIndex,
          threads: options.threads,
        }),
      );
    })
    .get('/metrics', (res, req) => {
      if (!authorized(req.getHeader('authorization'), req.getQuery('token'))) {
        sendError(res, errorFrame('unauthorized', 'missing or wrong token'));
        return;
      }
      const reqId = nextReqId++;
      const pending: PendingResponse = { res, aborted: false };
      res.onAborted(() => {
        pending.aborted = true;
      });
      pendingMetrics.set(reqId, pending);
      port.postMessage({ kind: 'want-metrics', reqId } satisfies FromWorker);
    })
    .post('/v1/chat', (res, req) => {
      const pending: PendingResponse = { res, aborted: false };
      res.onAborted(() => {
        pending.aborted = true;
      });
      if (!authorized(req.getHeader('authorization'), req.getQuery('token'))) {
        sendError(
          res,
          errorFrame('unauthorized', 'missing or wrong token (Authorization: Bearer … or ?token=)'),
          true,
        );
        return;
      }
      const contentLength = Number(req.getHeader('content-length') || '0');
      readBody(res, contentLength, (body) => {
        if (!pending.aborted) chatTurn(res, pending, body);
      });
    })
    .any('/*', (res, req) => {
      sendJson(
        res,
        '404 Not Found',
        JSON.stringify({ error: `no route for ${req.getMethod().toUpperCase()} ${req.getUrl()}` }),
      );
    });
}

const app = buildApp();
const sweeper = setInterval(() => sessions.sweep(ctx.nowMs()), 10_000);
const transcriptFlusher = transcriptFile === undefined ? undefined : setInterval(flushTranscripts, 200);

for (const peer of peers) {
  peer?.on('message', (msg: PeerMessage) => {
    if (msg.kind === 'turn') {
      const out = runTurn(msg.body);
      peer.postMessage({
        kind: 'turn-result',
        reqId: msg.reqId,
        status: Number(out.status.slice(0, 3)),
        json: out.json,
      });
      return;
    }
    const pending = pendingTurns.get(msg.reqId);
    pendingTurns.delete(msg.reqId);
    if (pending !== undefined && !pending.aborted) sendJson(pending.res, `${msg.status} OK`, msg.json);
  });
}

function shutdown(): void {
  if (shuttingDown) return;
  shuttingDown = true;
  clearInterval(sweeper);
  if (transcriptFlusher !== undefined) clearInterval(transcriptFlusher);
  if (listenSocket !== false) uws.us_listen_socket_close(listenSocket);
  listenSocket = false;
  for (const ws of sockets) ws.end(1001, 'server shutting down');
  // Let the close frames flush, then drop whatever is left (keep-alive HTTP connections) so the loop ends.
  setTimeout(() => {
    closeApp(app);
    flushTranscripts();
    for (const peer of peers) peer?.close();
    port.postMessage({ kind: 'closed' } satisfies FromWorker);
    port.close();
  }, SHUTDOWN_FLUSH_MS);
}

port.on('message', (msg: ToWorker) => {
  if (msg.kind === 'shutdown') {
    shutdown();
  } else if (msg.kind === 'collect') {
    void metrics.registry.getMetricsAsJSON().then((snapshot) => {
      port.postMessage({
        kind: 'snapshot',
        reqId: msg.reqId,
        json: JSON.stringify(snapshot),
      } satisfies FromWorker);
    });
  } else {
    const pending = pendingMetrics.get(msg.reqId);
    pendingMetrics.delete(msg.reqId);
    if (pending !== undefined && !pending.aborted) {
      pending.res.cork(() => {
        pending.res
          .writeStatus('200 OK')
          .writeHeader('content-type', 'text/plain; version=0.0.4')
          .end(msg.text);
      });
    }
  }
});

app.listen(options.host, options.port, (socket) => {
  listenSocket = socket;
  if (socket === false) {
    port.postMessage({
      kind: 'listen-failed',
      message: `cannot listen on ${options.host}:${options.port} (address in use, not local, or not permitted)`,
    } satisfies FromWorker);
    closeApp(app);
    port.close();
    return;
  }
  port.postMessage({ kind: 'listening', port: uws.us_socket_local_port(socket) } satisfies FromWorker);
});
