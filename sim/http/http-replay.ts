// Open-model replay of a scenario over `POST /v1/chat`: the same arrivals, customers, think times,
// patience and accounting as the WebSocket driver, each message sent at its intended time over a pool
// of keep-alive connections, latency = reply time − intended send time. It fills the engine's LoadRun
// contract, so `peakdesk run` aggregates, shows and writes an HTTP run exactly as a WebSocket one.
//
// Not on autocannon: autocannon is closed-loop (one request in flight per connection, the next one
// written as soon as the reply arrives, or after the next 1 s reset of a per-connection quota when a
// rate is set), so it cannot leave a connection idle until a message is due nor send at an intended
// time; and it measures from the actual write. See README "HTTP targets".
import http from 'node:http';
import https from 'node:https';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { BotReply } from '../../server/bot/types.ts';
import {
  admitArrival,
  bump,
  type ConversationOutcome,
  type Counters,
  countOutcome,
  createCounters,
  mergeCounters,
} from '../engine/counters.ts';
import { type Deadline, DeadlineWheel } from '../engine/deadline-wheel.ts';
import type { LoadRun, LoadSample, LoadTotals } from '../engine/load-engine.ts';
import { createClock, currentRate, withRate } from '../engine/run-clock.ts';
import { ScheduleLoop } from '../engine/schedule-loop.ts';
import type { PlannedArrival, SimCustomer, Workload } from '../engine/workload.ts';
import { PeakdeskError } from '../errors.ts';
import {
  addDelta,
  createLatencyHistogram,
  createRecorderHistogram,
  type Histogram,
  recordMs,
  toDelta,
} from '../metrics/latency.ts';

export interface HttpReplayOptions {
  /** http(s)://host:port/v1/chat */
  url: string;
  /** Bearer token for the target. @default undefined */
  token?: string | undefined;
  workload: Workload;
  /** Keep-alive connections to the target; a message due while all are busy waits for one, and the wait is in its latency. @default 64 */
  connections?: number;
  /** Open conversations allowed (as k6's maxVUs); arrivals past it are dropped. @default 200000 */
  maxActive?: number;
  /** A conversation starting later than this after its intended time is a late start. @default 20 */
  slipToleranceMs?: number;
  /** Real ms a reply may take (from the intended send time) before the message fails. @default 30000 */
  replyTimeoutMs?: number;
  /** After the last arrival, real ms to let open conversations finish. @default 15000 */
  drainMs?: number;
  /** Called once per second of real time with what happened in it. */
  onSample?: (sample: LoadSample) => void;
}

type Phase = 'waiting' | 'thinking' | 'abandoned' | 'ended';

/** A conversation's deadline in the wheel: the customer's patience, then the reply timeout. */
interface Conversation extends Deadline {
  arrival: PlannedArrival;
  customer: SimCustomer;
  locale: string;
  /** Session id the server returned; sent back to continue the conversation. */
  session: string | undefined;
  phase: Phase;
  /** Messages sent so far; a reply or timer for an older message is ignored. */
  turn: number;
  /** Real time (run ms) the pending message was meant to go out. */
  intendedRealMs: number;
  request: http.ClientRequest | undefined;
  lastReply: Pick<BotReply, 'handoff'> | undefined;
  deadlineKind: 'patience' | 'timeout';
  /** Real ms from patience running out to the reply timeout. */
  timeoutAfterPatienceMs: number;
  /** The next message's text and plan time while the customer thinks. */
  nextText: string;
  nextPlanMs: number;
  /** Sends the next message at its time (one function a conversation, not a closure a message). */
  sendDue: () => void;
}

interface Window {
  counters: Counters;
  latency: Histogram;
  latencyByIntent: Map<string, Histogram>;
  slip: Histogram;
}

const SAMPLE_MS = 1000;
/** Patience and reply timeouts fire up to this much late (bucket width plus the sweep period). */
const DEADLINE_RESOLUTION_MS = 5;
const LOOP_DELAY_RESOLUTION_MS = 10;
/** Idle keep-alive sockets are closed before the server's own idle timeout (uWS: 10 s) can race a reuse. */
const FREE_SOCKET_TIMEOUT_MS = 4000;

function newWindow(create: () => Histogram): Window {
  return {
    counters: createCounters(),
    latency: create(),
    latencyByIntent: new Map(),
    slip: create(),
  };
}

/** A packed copy of a recorder histogram, and the same values added into `total`. */
function copyInto(h: Histogram, total: Histogram): Histogram {
  const delta = toDelta(h);
  const copy = createLatencyHistogram();
  addDelta(copy, delta);
  addDelta(total, delta);
  return copy;
}

/** A body as JSON, or undefined when it is not JSON (a proxy's page, an empty or cut body). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error code of a non-200 reply: the protocol's error frame `code`, else `http_<status>`. */
export function httpErrorCode(status: number, body: string): string {
  const parsed = parseJson(body) as { code?: unknown } | undefined;
  return typeof parsed?.code === 'string' && parsed.code !== '' ? parsed.code : `http_${status}`;
}

/** Starts replaying `workload` against an HTTP target; the same LoadRun as the WebSocket engine's. */
export async function startHttpReplay(o: HttpReplayOptions): Promise<LoadRun> {
  const url = new URL(o.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new PeakdeskError(`HTTP replay needs an http:// or https:// URL, got "${o.url}"`);
  const connections = o.connections ?? 64;
  if (!Number.isInteger(connections) || connections < 1)
    throw new PeakdeskError(`--connections must be an integer >= 1, got ${connections}`);
  const workload = o.workload;
  const maxActive = o.maxActive ?? 200_000;
  const slipToleranceMs = o.slipToleranceMs ?? 20;
  const replyTimeoutMs = o.replyTimeoutMs ?? 30_000;
  const drainMs = o.drainMs ?? 15_000;
  const client = url.protocol === 'https:' ? https : http;
  const agent = new client.Agent({
    keepAlive: true,
    maxSockets: connections,
    timeout: FREE_SOCKET_TIMEOUT_MS,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;

  const startEpochMs = performance.timeOrigin + performance.now();
  const nowReal = (): number => performance.timeOrigin + performance.now() - startEpochMs;
  const active = new Set<Conversation>();
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  // Values are recorded once, into this second's recorder histograms (reset each second); each
  // sample hands on packed copies and adds the same values to the totals as sparse deltas.
  const w = newWindow(createRecorderHistogram);
  const totals = newWindow(createLatencyHistogram);
  const deadlines = new DeadlineWheel<Conversation>(DEADLINE_RESOLUTION_MS);
  const loop = new ScheduleLoop({ source: workload, nowReal, onArrival: (arrival) => start(arrival) });
  let stopped = false;
  let stoppedEarly = false;
  let drainDeadline: number | undefined;

  function recordLatency(ms: number, intent: string | undefined): void {
    recordMs(w.latency, ms);
    if (intent === undefined) return;
    let h = w.latencyByIntent.get(intent);
    if (h === undefined) {
      h = createRecorderHistogram();
      w.latencyByIntent.set(intent, h);
    }
    recordMs(h, ms);
  }

  function recordSlip(ms: number): void {
    recordMs(w.slip, ms);
  }

  function finish(conv: Conversation, outcome: ConversationOutcome): void {
    if (conv.phase === 'ended') return;
    const wasAbandoned = conv.phase === 'abandoned';
    conv.phase = 'ended';
    if (!wasAbandoned) countOutcome(w.counters, conv.arrival.intent, outcome);
    if (outcome === 'handedOff' && conv.lastReply?.handoff !== undefined) {
      bump(w.counters.handoffsByQueue, conv.lastReply.handoff.queue);
      bump(w.counters.handoffsByReason, conv.lastReply.handoff.reason);
    }
    active.delete(conv);
    deadlines.cancel(conv);
  }

  function onReply(conv: Conversation, turn: number, status: number, body: string): void {
    if (stopped || conv.turn !== turn || conv.phase === 'ended') return;
    conv.request = undefined;
    deadlines.cancel(conv);
    const receivedReal = nowReal();
    const ms = receivedReal - conv.intendedRealMs;
    recordLatency(ms, conv.arrival.intent);
    if (status !== 200) {
      bump(w.counters.errors, httpErrorCode(status, body));
      finish(conv, 'failed');
      return;
    }
    const parsed = (parseJson(body) ?? {}) as { session?: unknown; reply?: BotReply | null };
    if (typeof parsed.session !== 'string' || typeof parsed.reply !== 'object' || parsed.reply === null) {
      bump(w.counters.errors, 'bad_reply');
      finish(conv, 'failed');
      return;
    }
    w.counters.replies++;
    if (conv.phase === 'abandoned') {
      w.counters.lateReplies++;
      finish(conv, 'abandoned');
      return;
    }
    conv.session = parsed.session;
    const reply = parsed.reply;
    conv.lastReply = reply;
    const step = conv.customer.onReply(reply);
    if (step.kind === 'end') {
      // HTTP has no `end` message: the server's session simply expires (its TTL).
      finish(
        conv,
        step.reason === 'resolved'
          ? 'resolved'
          : step.reason === 'handoff_accepted'
            ? 'handedOff'
            : 'abandoned',
      );
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
    conv.intendedRealMs = loop.realAt(conv.nextPlanMs);
    recordSlip(Math.max(0, nowReal() - conv.intendedRealMs));
    send(conv, conv.nextText);
  }

  function onDeadline(conv: Conversation): void {
    if (stopped) return;
    if (conv.deadlineKind === 'patience') {
      if (conv.phase !== 'waiting') return;
      // The customer gives up; the request stays open so a late reply is still measured.
      countOutcome(w.counters, conv.arrival.intent, 'abandoned');
      w.counters.gaveUpWaiting++;
      conv.phase = 'abandoned';
      conv.deadlineKind = 'timeout';
      deadlines.add(conv, conv.dueAt + conv.timeoutAfterPatienceMs);
      return;
    }
    if (conv.phase !== 'waiting' && conv.phase !== 'abandoned') return;
    bump(w.counters.errors, 'reply_timeout');
    recordLatency(nowReal() - conv.intendedRealMs, undefined);
    const req = conv.request;
    conv.request = undefined;
    finish(conv, 'failed');
    req?.destroy();
  }

  function onRequestError(conv: Conversation, turn: number, code: string): void {
    if (stopped || conv.turn !== turn || conv.phase === 'ended') return;
    conv.request = undefined;
    bump(w.counters.errors, code);
    finish(conv, 'failed');
  }

  function post(conv: Conversation, turn: number, body: string, retried: boolean): void {
    const req = client.request(url, { method: 'POST', agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => onReply(conv, turn, res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
      res.on('error', (err: NodeJS.ErrnoException) =>
        onRequestError(conv, turn, err.code ?? 'response_error'),
      );
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
    const turn = conv.turn;
    const body = JSON.stringify(
      conv.session === undefined
        ? { text, locale: conv.locale }
        : { session: conv.session, text, locale: conv.locale },
    );
    w.counters.messagesSent++;
    conv.phase = 'waiting';
    // Patience runs in real time, as in the WebSocket driver: the server is never compressed. One
    // deadline a message, cancelled by the reply: first the customer's patience, then the reply timeout.
    const patienceAt = conv.intendedRealMs + conv.customer.patienceMs();
    const timeoutAt = conv.intendedRealMs + replyTimeoutMs;
    if (patienceAt < timeoutAt) {
      conv.deadlineKind = 'patience';
      conv.timeoutAfterPatienceMs = timeoutAt - patienceAt;
      deadlines.add(conv, patienceAt);
    } else {
      conv.deadlineKind = 'timeout';
      deadlines.add(conv, timeoutAt);
    }
    post(conv, turn, body, false);
  }

  function start(arrival: PlannedArrival): void {
    const intendedReal = loop.realAt(arrival.planMs);
    const late = nowReal() - intendedReal;
    recordSlip(Math.max(0, late));
    if (!admitArrival(w.counters, arrival.intent, late, slipToleranceMs, active.size >= maxActive)) return;
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
      deadlineKind: 'patience',
      timeoutAfterPatienceMs: 0,
      nextText: '',
      nextPlanMs: 0,
      sendDue: () => sendDue(conv),
      dueAt: 0,
      bucket: undefined,
      slot: 0,
    };
    active.add(conv);
    send(conv, first.text);
  }

  function emitSample(): void {
    const real = nowReal();
    const counters = w.counters;
    w.counters = createCounters();
    mergeCounters(totals.counters, counters);
    const latencyByIntent = new Map<string, Histogram>();
    for (const [intent, h] of w.latencyByIntent) {
      if (h.totalCount === 0) continue;
      let total = totals.latencyByIntent.get(intent);
      if (total === undefined) {
        total = createLatencyHistogram();
        totals.latencyByIntent.set(intent, total);
      }
      latencyByIntent.set(intent, copyInto(h, total));
      h.reset();
    }
    const latency = copyInto(w.latency, totals.latency);
    const slip = copyInto(w.slip, totals.slip);
    w.latency.reset();
    w.slip.reset();
    o.onSample?.({
      realSec: real / 1000,
      planMs: loop.planAt(real),
      rate: currentRate(loop.runClock()),
      counters,
      latency,
      latencyByIntent,
      slip,
      loopLagP99Ms: Math.max(0, loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
      active: active.size,
    });
    loopDelay.reset();
  }

  let resolveDone: (t: LoadTotals) => void = () => undefined;
  const done = new Promise<LoadTotals>((resolve) => {
    resolveDone = resolve;
  });

  function stopAll(early: boolean): void {
    if (stopped) return;
    stopped = true;
    stoppedEarly = early;
    clearInterval(sampler);
    clearInterval(deadlineSweep);
    loop.stop();
    // Conversations waiting past their customer's patience are already counted abandoned.
    let inFlightAtStop = 0;
    for (const conv of active) {
      if (conv.phase !== 'abandoned') inFlightAtStop++;
      conv.request?.destroy();
    }
    agent.destroy();
    emitSample();
    loopDelay.disable();
    resolveDone({ ...totals, inFlightAtStop, realMs: nowReal(), stoppedEarly });
  }

  const sampler = setInterval(() => {
    emitSample();
    const arrivalsDone = loop.allStarted();
    if (arrivalsDone && active.size === 0) stopAll(false);
    else if (arrivalsDone) {
      drainDeadline ??= nowReal() + drainMs;
      if (nowReal() > drainDeadline) stopAll(false);
    }
  }, SAMPLE_MS);

  const deadlineSweep = setInterval(() => deadlines.expire(nowReal(), onDeadline), DEADLINE_RESOLUTION_MS);
  deadlineSweep.unref();
  loopDelay.enable();
  loop.run(createClock());

  return {
    startEpochMs,
    setRate(rate: number): void {
      if (!stopped) loop.run(withRate(loop.runClock(), nowReal(), rate));
    },
    rate: () => currentRate(loop.runClock()),
    stop: () => stopAll(true),
    done,
  };
}
