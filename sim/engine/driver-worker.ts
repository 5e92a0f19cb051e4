// A driver (a worker thread, or a child process: see driver-channel.ts): replays its share of the arrival stream over WebSocket, open model.
// Every message has an intended send time; latency = reply time − intended send time, so a server
// that stalls shows the stall (no coordinated omission). Conversations start at their scheduled time
// whatever the server does; when this thread cannot start one (at its cap) it is counted dropped.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import type { BotReply } from '../../server/bot/types.ts';
import { bump, type ConversationOutcome, endOutcome } from './counters.ts';
import { openDriverChannel } from './driver-channel.ts';
import { DriverMeter } from './driver-meter.ts';
import { runDriverShell } from './driver-shell.ts';
import { type Awaiting, MessageDeadlines } from './message-deadlines.ts';
import { messageIdSeq, messageIdTurn, msgFrame } from './msg-frame.ts';
import { ScheduleLoop } from './schedule-loop.ts';
import type { PlannedArrival, SimCustomer, Workload, WorkloadModule } from './workload.ts';

/** Pooled sockets one thread keeps for reuse; idle ones past this are closed (each holds a file descriptor). */
const MAX_IDLE_SOCKETS = 4096;

/**
 * The net.Socket under a `ws` client. `ws` has no batching API; corking its socket for the rest of a
 * tick turns the frames due together on one socket into one write. Absent (another `ws` version),
 * frames go out one by one.
 */
function rawSocket(ws: WebSocket): { cork(): void; uncork(): void } | undefined {
  const raw = (ws as unknown as { _socket?: { cork?: unknown; uncork?: unknown } })._socket;
  return raw !== undefined && typeof raw.cork === 'function' && typeof raw.uncork === 'function'
    ? (raw as { cork(): void; uncork(): void })
    : undefined;
}

type Phase = 'connecting' | 'waiting' | 'thinking' | 'abandoned' | 'ended';

/** A socket and the conversations it carries now (none while it waits in the pool). */
interface Session {
  ws: WebSocket;
  convs: Set<Conversation>;
  /** In `available`. */
  listed: boolean;
  corked: boolean;
  /** The handshake finished (counted in `openSockets`). */
  opened: boolean;
  /** The code of the socket's first error, if any (what a connecting conversation's retry counts). */
  errorCode?: string;
}

interface Conversation extends Awaiting {
  /** Its `seq` makes the protocol's ids: `c-<seq>` the conversation's, `<seq>-<turn>` a message's. */
  arrival: PlannedArrival;
  customer: SimCustomer;
  session: Session | undefined;
  phase: Phase;
  turn: number;
  pendingText: string;
  pendingLocale: string;
  /** Plan time at which the pending message was meant to go out. */
  pendingPlanMs: number;
  /** The turn whose reply it waits for (its message id `<seq>-<turn>`), 0 when none. */
  awaitingTurn: number;
  /** The last reply's hand-off, counted when the conversation ends handed off. */
  handoff: BotReply['handoff'];
  connectAttempts: number;
  /** Sends the next message at its time (one function a conversation, not a closure a message). */
  sendDue: () => void;
}

const channel = await openDriverChannel();
const init = channel.init;
const workloadModule = (await import(init.workloadModule)) as WorkloadModule;
const workload: Workload = await workloadModule.createWorkload(init.workloadSpec);

let startEpochMs = 0;
const meter = new DriverMeter();
const deadlines = new MessageDeadlines<Conversation>(init.replyTimeoutMs, {
  onPatience: onPatienceOut,
  onTimeout: onReplyTimeout,
});
const active = new Set<Conversation>();
let stopped = false;
let socketSeq = 0;
const reuse = init.socketReuse || init.convsPerSocket > 1;
/** Sockets with room for another conversation (entries may have filled up or closed since: checked on use). */
const available: Session[] = [];
/** Open conversations by seq: a reply finds its conversation from its message id. */
const bySeq = new Map<number, Conversation>();
/** ws sends a Buffer as a binary frame unless told otherwise. */
const TEXT_FRAME = { binary: false };
const corked: Session[] = [];
let uncorkQueued = false;
let openSockets = 0;

const nowReal = (): number => performance.timeOrigin + performance.now() - startEpochMs;
const loop = new ScheduleLoop({
  source: workload,
  nowReal,
  onArrival: (arrival) => start(arrival),
  mine: (arrival) => arrival.seq % init.workers === init.index,
  sendQuantumMs: init.sendQuantumMs,
});

function finish(conv: Conversation, outcome: ConversationOutcome, endReason?: string): void {
  if (conv.phase === 'ended') return;
  const wasAbandoned = conv.phase === 'abandoned';
  conv.phase = 'ended';
  meter.ended(conv.arrival.intent, outcome, wasAbandoned, conv.handoff);
  active.delete(conv);
  bySeq.delete(conv.arrival.seq);
  conv.awaitingTurn = 0;
  deadlines.cancel(conv);
  const session = conv.session;
  if (session === undefined) return;
  conv.session = undefined;
  session.convs.delete(conv);
  const ws = session.ws;
  if (ws.readyState === WebSocket.OPEN) {
    const multiplexed = init.convsPerSocket > 1;
    // A failed conversation on a shared socket is ended on the server too, so it frees its slot there.
    const reason = endReason ?? (multiplexed && !wasAbandoned ? 'abandoned' : undefined);
    if (reason !== undefined) send(session, { type: 'end', conv: `c-${conv.arrival.seq}`, reason });
    // With one conversation a socket, a failed one's socket may still carry its late reply: it is
    // closed, not handed on.
    if (reuse && !stopped && (outcome !== 'failed' || multiplexed)) {
      release(session);
      return;
    }
    if (session.convs.size === 0) ws.close(1000);
  } else if (ws.readyState === WebSocket.CONNECTING && session.convs.size === 0) {
    ws.terminate();
  }
}

/** Puts a socket that has room back in the pool, or closes it when too many sit idle. */
function release(session: Session): void {
  if (session.listed) return;
  if (session.convs.size === 0 && available.length >= MAX_IDLE_SOCKETS) {
    session.ws.close(1000);
    return;
  }
  session.listed = true;
  available.push(session);
}

/** Sends a frame; with multiplexing, the socket stays corked until the end of this tick. */
function send(session: Session, frame: object | Buffer): void {
  if (init.convsPerSocket > 1 && !session.corked) {
    const raw = rawSocket(session.ws);
    if (raw !== undefined) {
      raw.cork();
      session.corked = true;
      corked.push(session);
      if (!uncorkQueued) {
        uncorkQueued = true;
        process.nextTick(uncorkAll);
      }
    }
  }
  if (Buffer.isBuffer(frame)) session.ws.send(frame, TEXT_FRAME);
  else session.ws.send(JSON.stringify(frame));
}

function uncorkAll(): void {
  uncorkQueued = false;
  for (const session of corked) {
    session.corked = false;
    rawSocket(session.ws)?.uncork();
  }
  corked.length = 0;
}

function sendPending(conv: Conversation): void {
  const session = conv.session;
  if (session === undefined || session.ws.readyState !== WebSocket.OPEN) return;
  conv.awaitingTurn = conv.turn;
  send(session, msgFrame(conv.arrival.seq, conv.turn, conv.pendingText, conv.pendingLocale));
  meter.counters.messagesSent++;
  conv.phase = 'waiting';
  deadlines.arm(conv);
}

/** The customer gives up waiting; the socket stays open so the late reply is still measured. */
function onPatienceOut(conv: Conversation): boolean {
  if (stopped || conv.phase !== 'waiting') return false;
  meter.gaveUp(conv.arrival.intent);
  conv.phase = 'abandoned';
  if (conv.session?.ws.readyState === WebSocket.OPEN)
    send(conv.session, { type: 'end', conv: `c-${conv.arrival.seq}`, reason: 'abandoned' });
  return true;
}

function onReplyTimeout(conv: Conversation): void {
  if (conv.phase !== 'waiting' && conv.phase !== 'abandoned') return;
  bump(meter.counters.errors, 'reply_timeout');
  meter.latencyMs(nowReal() - conv.intendedRealMs);
  finish(conv, 'failed');
}

/** Fails every conversation on a socket (a reply that cannot be read, an error about the socket). */
function failSession(session: Session, code: string): void {
  for (const conv of [...session.convs]) {
    bump(meter.counters.errors, code);
    finish(conv, 'failed');
  }
}

function onFrame(session: Session, data: WebSocket.RawData): void {
  if (stopped) return;
  const receivedReal = nowReal();
  let frame: Record<string, unknown>;
  try {
    frame = JSON.parse(data.toString()) as Record<string, unknown>;
  } catch {
    failSession(session, 'bad_reply');
    return;
  }
  if (frame.type === 'error' && frame.replyTo === undefined) {
    // An error about the socket itself (e.g. unauthorized), not about one message.
    failSession(session, String(frame.code));
    return;
  }
  const seq = messageIdSeq(frame.replyTo);
  const conv = seq < 0 ? undefined : bySeq.get(seq);
  if (
    conv === undefined ||
    conv.awaitingTurn !== messageIdTurn(frame.replyTo as string) ||
    conv.session !== session
  )
    return;
  conv.awaitingTurn = 0;
  deadlines.cancel(conv);
  const ms = receivedReal - conv.intendedRealMs;
  meter.latencyMs(ms, conv.arrival.intent);
  if (frame.type === 'error') {
    bump(meter.counters.errors, String(frame.code));
    finish(conv, 'failed');
    return;
  }
  meter.counters.replies++;
  if (conv.phase === 'abandoned') {
    meter.counters.lateReplies++;
    finish(conv, 'abandoned');
    return;
  }
  if (conv.phase !== 'waiting') return;
  const reply = frame as unknown as BotReply;
  conv.handoff = reply.handoff;
  const step = conv.customer.onReply(reply);
  if (step.kind === 'end') {
    finish(conv, endOutcome(step.reason), step.reason);
    return;
  }
  conv.phase = 'thinking';
  conv.turn++;
  conv.pendingText = step.text;
  conv.pendingPlanMs = loop.planAt(receivedReal) + step.thinkMs / workload.speed;
  loop.schedule(conv.pendingPlanMs, conv.sendDue);
}

/** A conversation's next message at its time, unless it ended meanwhile. */
function sendDue(conv: Conversation): void {
  if (conv.phase !== 'thinking') return;
  conv.intendedRealMs = meter.departure(loop, conv.pendingPlanMs, nowReal());
  sendPending(conv);
}

const noSend = (): void => undefined;

/**
 * A conversation's send function, made outside an object literal: there the tsx transform (esbuild's
 * keepNames) names the closure with Object.defineProperty, which gives each one a property array.
 */
function sendDueOf(conv: Conversation): () => void {
  return () => sendDue(conv);
}

/** A pooled socket with room, if any. */
function takeAvailable(): Session | undefined {
  while (available.length > 0) {
    const session = available[available.length - 1] as Session;
    const state = session.ws.readyState;
    if ((state !== WebSocket.OPEN && state !== WebSocket.CONNECTING) || stopped) {
      available.pop();
      session.listed = false;
      continue;
    }
    if (session.convs.size + 1 >= init.convsPerSocket) {
      available.pop();
      session.listed = false;
    }
    return session;
  }
  return undefined;
}

function connect(conv: Conversation): void {
  const pooled = reuse ? takeAvailable() : undefined;
  if (pooled !== undefined) {
    pooled.convs.add(conv);
    conv.session = pooled;
    meter.counters.socketsReused++;
    sendPending(conv);
    return;
  }
  const address = init.sourceAddresses[socketSeq++ % Math.max(1, init.sourceAddresses.length)];
  const headers = init.token === undefined ? undefined : { authorization: `Bearer ${init.token}` };
  const ws = new WebSocket(init.target, { perMessageDeflate: false, localAddress: address, headers });
  const session: Session = {
    ws,
    convs: new Set([conv]),
    listed: false,
    corked: false,
    opened: false,
  };
  conv.session = session;
  meter.counters.socketsOpened++;
  if (init.convsPerSocket > 1) release(session);
  ws.on('open', () => {
    session.opened = true;
    openSockets++;
    if (session.convs.size === 0 && !reuse) {
      ws.close(1000);
      return;
    }
    for (const c of session.convs) if (c.phase === 'connecting') sendPending(c);
  });
  ws.on('message', (data) => onFrame(session, data));
  // `ws` follows every 'error' with 'close', where the conversations are dealt with.
  ws.on('error', (err: NodeJS.ErrnoException) => {
    session.errorCode ??= err.code ?? 'connect_error';
  });
  ws.on('close', () => {
    if (session.opened) openSockets--;
    if (session.listed) {
      session.listed = false;
      const at = available.indexOf(session);
      if (at >= 0) available.splice(at, 1);
    }
    if (stopped) return;
    for (const c of [...session.convs]) {
      if (c.phase === 'connecting') {
        session.convs.delete(c);
        c.session = undefined;
        retryConnect(c, session.errorCode ?? 'disconnected');
      } else {
        bump(meter.counters.errors, 'disconnected');
        finish(c, 'failed');
      }
    }
  });
}

/** Reconnects with exponential backoff while the customer would still wait; then the conversation failed. */
function retryConnect(conv: Conversation, code: string): void {
  conv.connectAttempts++;
  const backoffReal = Math.min(2000, 50 * 2 ** conv.connectAttempts);
  // As long as the customer would wait for a reply (real time, like the server's own).
  const giveUpReal = conv.intendedRealMs + Math.min(conv.customer.patienceMs(), init.replyTimeoutMs);
  if (nowReal() + backoffReal >= giveUpReal) {
    bump(meter.counters.errors, code);
    finish(conv, 'failed');
    return;
  }
  loop.schedule(loop.planAt(nowReal() + backoffReal), () => {
    if (conv.phase === 'connecting') connect(conv);
  });
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
    session: undefined,
    phase: 'connecting',
    turn: 1,
    pendingText: first.text,
    pendingLocale: first.locale,
    pendingPlanMs: arrival.planMs,
    intendedRealMs: intendedReal,
    awaitingTurn: 0,
    handoff: undefined,
    connectAttempts: 0,
    sendDue: noSend,
    // spelled out, not spread from noDeadline(): spread fields land outside the object, in a second one
    deadlineKind: 'patience',
    timeoutAfterPatienceMs: 0,
    dueAt: 0,
    bucket: undefined,
    slot: 0,
  };
  conv.sendDue = sendDueOf(conv);
  active.add(conv);
  bySeq.set(arrival.seq, conv);
  connect(conv);
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
  openSockets: () => openSockets,
  onStop() {
    stopped = true;
    for (const conv of active) conv.session?.ws.terminate();
    for (const session of available) session.ws.terminate();
    available.length = 0;
  },
});
