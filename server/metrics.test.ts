// The thread metrics count in plain numbers and hand them to prom-client at scrape time; a scrape must
// show exactly what calling prom-client on every message showed.
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ArrayHistogram, createThreadMetrics } from './metrics.ts';
import type { ErrorCode, ReplyFrame } from './protocol.ts';

const BUCKETS = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1];

/** The metrics as they were before counting was deferred: prom-client called on every message. */
function directMetrics(): {
  registry: Registry;
  message(): void;
  reply(f: ReplyFrame): void;
  error(c: ErrorCode): void;
} {
  const registry = new Registry();
  const messages = new Counter({
    name: 'peakdesk_messages_total',
    help: 'Customer messages received (WS frames and HTTP turns)',
    registers: [registry],
  });
  const replies = new Counter({
    name: 'peakdesk_replies_total',
    help: 'Bot replies by intent and action',
    labelNames: ['intent', 'action'],
    registers: [registry],
  });
  const handoffs = new Counter({
    name: 'peakdesk_handoffs_total',
    help: 'Hand-offs to human queues by queue and reason',
    labelNames: ['queue', 'reason'],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'peakdesk_errors_total',
    help: 'Error frames and HTTP errors by code',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({ name: 'peakdesk_open_sockets', help: 'Open WebSocket connections', registers: [registry] });
  const replySeconds = new Histogram({
    name: 'peakdesk_reply_seconds',
    help: 'Time from receiving a message to having its reply, in seconds (server side)',
    buckets: BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    message: () => messages.inc(),
    reply(frame) {
      replies.labels(frame.intent, frame.action).inc();
      if (frame.handoff !== undefined) handoffs.labels(frame.handoff.queue, frame.handoff.reason).inc();
      replySeconds.observe(frame.serverMicros / 1e6);
    },
    error: (code) => errors.labels(code).inc(),
  };
}

function frame(i: number): ReplyFrame {
  const intents = ['greeting', 'logistics.track', 'promo.rules', 'human.request'] as const;
  const intent = intents[i % intents.length] as ReplyFrame['intent'];
  const handoff = intent === 'human.request' || i % 7 === 0;
  return {
    type: 'reply',
    replyTo: `m-${i}`,
    conv: 'c',
    text: 'ok',
    intent,
    confidence: 0.9,
    action: handoff ? 'handoff' : i % 3 === 0 ? 'clarify' : 'answer',
    resolved: !handoff,
    ...(handoff ? { handoff: { queue: i % 2 === 0 ? 'presale' : 'logistics', reason: 'request' } } : {}),
    // on and either side of bucket bounds, and past the last one
    serverMicros: [0, 9, 10, 11, 25, 26, 99, 100, 1000, 2500, 99_999, 100_000, 100_001, 3_000_000][
      i % 14
    ] as number,
  };
}

const ERRORS: ErrorCode[] = ['bad_json', 'bad_type', 'too_large', 'rate_limited', 'unauthorized'];

/** A thread's snapshot as the main thread receives it (JSON). */
async function snapshot(registry: Registry): Promise<unknown> {
  return JSON.parse(JSON.stringify(await registry.getMetricsAsJSON()));
}

describe('thread metrics', () => {
  it('scrape the same names, label sets (in the same order) and values as per-message prom-client calls', async () => {
    const deferred = createThreadMetrics();
    const direct = directMetrics();
    expect(await snapshot(deferred.registry)).toEqual(await snapshot(direct.registry));
    let i = 0;
    for (const batch of [5, 40, 0, 333]) {
      for (const end = i + batch; i < end; i++) {
        for (const m of [deferred, direct]) {
          m.message();
          if (i % 11 === 0) m.error(ERRORS[i % ERRORS.length] as ErrorCode);
          else m.reply(frame(i));
        }
      }
      expect(await snapshot(deferred.registry)).toEqual(await snapshot(direct.registry));
      expect(await deferred.registry.metrics()).toBe(await direct.registry.metrics());
    }
  });
});

describe('ArrayHistogram', () => {
  it('gives what prom-client Histogram gives for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const a = new ArrayHistogram('h_seconds', 'help', BUCKETS, ours);
    const b = new Histogram({ name: 'h_seconds', help: 'help', buckets: BUCKETS, registers: [theirs] });
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    for (const v of [0, 0.00001, 0.0000100001, 0.1, 0.1000001, 7, 1e-9, 0.0123, 0.000025]) {
      a.observe(v);
      b.observe(v);
    }
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    expect(await ours.metrics()).toBe(await theirs.metrics());
    ours.resetMetrics();
    theirs.resetMetrics();
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    expect(await ours.metrics()).toBe(await theirs.metrics());
    a.observe(0.003);
    b.observe(0.003);
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });
});
