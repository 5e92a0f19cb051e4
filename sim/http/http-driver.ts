// The HTTP driver (a worker thread or a child process of the load engine, like the WebSocket driver):
// replays its share of the arrival stream over `POST /v1/chat`, open model. The same arrivals,
// customers, think times, patience and accounting as the WebSocket driver; each message is sent at
// its intended time over a pool of keep-alive connections, latency = reply time − intended send time.
//
// Not on autocannon: autocannon is closed-loop (one request in flight per connection, the next one
// written as soon as the reply arrives, or after the next 1 s reset of a per-connection quota when a
// rate is set), so it cannot leave a connection idle until a message is due nor send at an intended
// time; and it measures from the actual write. See README "HTTP targets".
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import type { BotReply } from '../../server/bot/types.ts';
import { bump, type ConversationOutcome, endOutcome } from '../engine/counters.ts';
import { openDriverChannel } from '../engine/driver-channel.ts';
import { DriverMeter } from '../engine/driver-meter.ts';
import { runDriverShell } from '../engine/driver-shell.ts';
import { type Awaiting, MessageDeadlines, noDeadline } from '../engine/message-deadlines.ts';
import { ScheduleLoop } from '../engine/schedule-loop.ts';
import type { PlannedArrival, SimCustomer, Workload, WorkloadModule } from '../engine/workload.ts';
import { httpErrorCode, parseChatReply } from './http-reply.ts';

type Phase = 'waiting' | 'thinking' | 'abandoned' | 'ended';

interface Conversation extends Awaiting {
  arrival: PlannedArrival;
  customer: SimCustomer;
  locale: string;
  /** Session id the server returned; sent back to continue the conversation. */
  session: string | undefined;
  phase: Phase;
  /** Messages sent so far; a reply or error for an older message is ignored. */
  turn: number;
  request: http.ClientRequest | undefined;
  lastReply: Pick<BotReply, 'handoff'> | undefined;
  /** The next message's text and plan time while the customer thinks. */
  nextText: string;
  nextPlanMs: number;
  /** Sends the next message at its time (one function a conversation, not a closure a message). */
  sendDue: () => void;
}

/** Idle keep-alive sockets are closed before the server's own idle timeout (uWS: 10 s) can race a reuse. */
const FREE_SOCKET_TIMEOUT_MS = 4000;

const channel = await openDriverChannel();
const init = channel.init;
const workloadModule = (await import(init.workloadModule)) as WorkloadModule;
const workload: Workload = await workloadModule.createWorkload(init.workloadSpec);

const url = new URL(init.target);
const client = url.protocol === 'https:' ? https : http;
const agent = new client.Agent({
  keepAlive: true,
  maxSockets: init.connections,
  timeout: FREE_SOCKET_TIMEOUT_MS,
});
const headers: Record<string, string> = { 'content-type': 'application/json' };
if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;

let startEpochMs = 0;
const nowReal = (): number => performance.timeOrigin + performance.now() - startEpochMs;
const meter = new DriverMeter();
const active = new Set<Conversation>();
const deadlines = new MessageDeadlines<Conversation>(init.replyTimeoutMs, {
  onPatience: onPatienceOut,
  onTimeout: onReplyTimeout,
});
let stopped = false;
const loop = new ScheduleLoop({
  source: workload,
  nowReal,
  onArrival: (arrival) => start(arrival),
  mine: (arrival) => arrival.seq % init.workers === init.index,
  sendQuantumMs: init.sendQuantumMs,
});

function finish(conv: Conversation, outcome: ConversationOutcome): void {
  if (conv.phase === 'ended') return;
  const wasAbandoned = conv.phase === 'abandoned';
  conv.phase = 'ended';
  meter.ended(conv.arrival.intent, outcome, wasAbandoned, conv.lastReply?.handoff);
  active.delete(conv);
  deadlines.cancel(conv);
}

function onReply(conv: Conversation, turn: number, status: number, body: string): void {
  if (stopped || conv.turn !== turn || conv.phase === 'ended') return;
  conv.request = undefined;
  deadlines.cancel(conv);
  const receivedReal = nowReal();
  meter.latencyMs(receivedReal - conv.intendedRealMs, conv.arrival.intent);
  if (status !== 200) {
    bump(meter.counters.errors, httpErrorCode(status, body));
    finish(conv, 'failed');
    return;
  }
  const parsed = parseChatReply(body);
  if (parsed === undefined) {
    bump(meter.counters.errors, 'bad_reply');
    finish(conv, 'failed');
    return;
  }
  meter.counters.replies++;
  if (conv.phase === 'abandoned') {
    meter.counters.lateReplies++;
    finish(conv, 'abandoned');
    return;
  }
  conv.session = parsed.session;
  conv.lastReply = parsed.reply;
  const step = conv.customer.onReply(parsed.reply);
  if (step.kind === 'end') {
    // HTTP has no `end` message: the server's session simply expires (its TTL).
    finish(conv, endOutcome(step.reason));
    return;
  }
  conv.phase = 'thinking';
  conv.nextText = step.text;
  conv.nextPlanMs = loop.planAt(receivedReal) + step.thinkMs / workload.speed;
  loop.schedule(conv.nextPlanMs, conv.sendDue);
}

/** A conversation's next message at its time, unless it ended meanwhile. */
function sendDue(conv: Conversation): void {
  if (conv.phase !== 'thinking') return;
  conv.intendedRealMs = meter.departure(loop, conv.nextPlanMs, nowReal());
  send(conv, conv.nextText);
}

/** The customer gives up; the request stays open so a late reply is still measured. */
function onPatienceOut(conv: Conversation): boolean {
  if (stopped || conv.phase !== 'waiting') return false;
  meter.gaveUp(conv.arrival.intent);
  conv.phase = 'abandoned';
  return true;
}

function onReplyTimeout(conv: Conversation): void {
  if (stopped || (conv.phase !== 'waiting' && conv.phase !== 'abandoned')) return;
  bump(meter.counters.errors, 'reply_timeout');
  meter.latencyMs(nowReal() - conv.intendedRealMs);
  const req = conv.request;
  conv.request = undefined;
  finish(conv, 'failed');
  req?.destroy();
}

function onRequestError(conv: Conversation, turn: number, code: string): void {
  if (stopped || conv.turn !== turn || conv.phase === 'ended') return;
  conv.request = undefined;
  bump(meter.counters.errors, code);
  finish(conv, 'failed');
}

function post(conv: Conversation, turn: number, body: string, retried: boolean): void {
  const req = client.request(url, { method: 'POST', agent, headers }, (res) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => onReply(conv, turn, res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
    res.on('error', (err: NodeJS.ErrnoException) => onRequestError(conv, turn, err.code ?? 'response_error'));
  });
  req.on('error', (err: NodeJS.ErrnoException) => {
    // A kept-alive socket the server closed just as it was reused: the request never reached it
    // (Node's documented case for one retry), so it goes again on a fresh socket, not counted twice.
    if (!retried && req.reusedSocket && err.code === 'ECONNRESET' && !stopped && conv.turn === turn) {
      post(conv, turn, body, true);
      return;
    }
    onRequestError(conv, turn, err.code ?? 'request_error');
  });
  conv.request = req;
  req.end(body);
}

function send(conv: Conversation, text: string): void {
  conv.turn++;
  const body = JSON.stringify(
    conv.session === undefined
      ? { text, locale: conv.locale }
      : { session: conv.session, text, locale: conv.locale },
  );
  meter.counters.messagesSent++;
  conv.phase = 'waiting';
  deadlines.arm(conv);
  post(conv, conv.turn, body, false);
}

function start(arrival: PlannedArrival): void {
  const now = nowReal();
  const intendedReal = loop.measureFrom(arrival.planMs, now);
  const late = now - intendedReal;
  if (!meter.admit(arrival.intent, late, init.slipToleranceMs, active.size >= init.maxActive)) return;
  const customer = workload.customer(arrival);
  const first = customer.first();
  const conv: Conversation = {
    arrival,
    customer,
    locale: first.locale,
    session: undefined,
    phase: 'waiting',
    turn: 0,
    intendedRealMs: intendedReal,
    request: undefined,
    lastReply: undefined,
    nextText: '',
    nextPlanMs: 0,
    sendDue: () => sendDue(conv),
    ...noDeadline(),
  };
  active.add(conv);
  send(conv, first.text);
}

/** Keep-alive connections open now, busy or idle. */
function openConnections(): number {
  let n = 0;
  for (const list of Object.values(agent.sockets)) n += list?.length ?? 0;
  for (const list of Object.values(agent.freeSockets)) n += list?.length ?? 0;
  return n;
}

runDriverShell({
  channel,
  meter,
  loop,
  nowReal,
  onStart(epochMs) {
    startEpochMs = epochMs;
  },
  deadlines,
  active,
  openSockets: openConnections,
  onStop() {
    stopped = true;
    for (const conv of active) conv.request?.destroy();
    agent.destroy();
  },
});
