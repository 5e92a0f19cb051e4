// Prometheus metrics of one server thread (prom-client); the main thread aggregates all threads'.
import { AggregatorRegistry, Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatMetrics } from './chat-service.ts';
import type { ErrorCode, ReplyFrame } from './protocol.ts';

const REPLY_BUCKETS_SECONDS = [
  0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1,
];

export interface ThreadMetrics extends ChatMetrics {
  registry: Registry;
  socketOpened(): void;
  socketClosed(): void;
}

export function createThreadMetrics(): ThreadMetrics {
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
  const sockets = new Gauge({
    name: 'peakdesk_open_sockets',
    help: 'Open WebSocket connections',
    registers: [registry],
  });
  const replySeconds = new Histogram({
    name: 'peakdesk_reply_seconds',
    help: 'Time from receiving a message to having its reply, in seconds (server side)',
    buckets: REPLY_BUCKETS_SECONDS,
    registers: [registry],
  });
  const replyChildren = new Map<string, Counter.Internal>();
  return {
    registry,
    message: () => messages.inc(),
    reply(frame: ReplyFrame): void {
      const key = `${frame.intent}|${frame.action}`;
      let child = replyChildren.get(key);
      if (child === undefined) {
        child = replies.labels(frame.intent, frame.action);
        replyChildren.set(key, child);
      }
      child.inc();
      if (frame.handoff !== undefined) handoffs.labels(frame.handoff.queue, frame.handoff.reason).inc();
      replySeconds.observe(frame.serverMicros / 1e6);
    },
    error: (code: ErrorCode) => errors.labels(code).inc(),
    socketOpened: () => sockets.inc(),
    socketClosed: () => sockets.dec(),
  };
}

/** The process-wide registry of the main thread (process CPU, memory, event loop). */
export function createProcessRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** One thread's snapshot, as `registry.getMetricsAsJSON()` gives it (structured-clone safe). */
export type MetricsSnapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/** Sums the threads' metric snapshots into one Prometheus text exposition. */
export async function aggregateMetrics(snapshots: MetricsSnapshot[]): Promise<string> {
  return AggregatorRegistry.aggregate(snapshots).metrics();
}
