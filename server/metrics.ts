// Prometheus metrics of one server thread (prom-client); the main thread aggregates all threads'.
// The message path only adds to plain numbers; prom-client gets them when a scrape collects (its
// label hashing, validation and closures cost ~10% of the message handler when called per message).
import {
  AggregatorRegistry,
  Counter,
  type CounterConfiguration,
  collectDefaultMetrics,
  Gauge,
  type Histogram,
  Registry,
} from 'prom-client';
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

interface PendingCount {
  n: number;
  readonly child: Counter.Internal;
}

/** Counts by one or two label values, kept as numbers until `flush` adds them to the prom-client counter. */
class PendingCounts {
  private readonly byFirst = new Map<string, Map<string | undefined, PendingCount>>();
  /** In first-seen order, which is the order prom-client lists label sets in. */
  private readonly cells: PendingCount[] = [];

  private readonly counter: Counter;

  constructor(config: CounterConfiguration<string>) {
    this.counter = new Counter({ ...config, collect: () => this.flush() });
  }

  add(first: string, second?: string): void {
    let bySecond = this.byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map();
      this.byFirst.set(first, bySecond);
    }
    const cell = bySecond.get(second);
    if (cell === undefined) {
      const child = second === undefined ? this.counter.labels(first) : this.counter.labels(first, second);
      const created = { n: 1, child };
      bySecond.set(second, created);
      this.cells.push(created);
    } else {
      cell.n++;
    }
  }

  flush(): void {
    for (const cell of this.cells) {
      if (cell.n > 0) cell.child.inc(cell.n);
      cell.n = 0;
    }
  }
}

interface HistogramSnapshot {
  name: string;
  help: string;
  type: 'histogram';
  values: { value: number; metricName: string; exemplar?: null; labels: Record<string, string | number> }[];
  aggregator: 'sum';
}

/**
 * An unlabelled histogram counted in a plain array, registered in `registry` as a metric whose `get()`
 * gives what prom-client's Histogram gives for the same observations (same buckets, same float sum).
 */
export class ArrayHistogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  /** False after a reset, until an observation: prom-client then lists no series. */
  private listed = true;
  readonly type = 'histogram';
  readonly aggregator = 'sum';

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    this.counts = buckets.map(() => 0);
    registry.registerMetric(this as unknown as Histogram);
  }

  observe(value: number): void {
    const buckets = this.buckets;
    for (let i = 0; i < buckets.length; i++) {
      if (value <= (buckets[i] as number)) {
        (this.counts[i] as number)++;
        break;
      }
    }
    this.sum += value;
    this.count++;
    this.listed = true;
  }

  /** As prom-client's `reset()` (for `registry.resetMetrics()`): no series at all until the next observation. */
  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
    this.listed = false;
  }

  async get(): Promise<HistogramSnapshot> {
    const bucketName = `${this.name}_bucket`;
    if (!this.listed) {
      return { name: this.name, help: this.help, type: this.type, values: [], aggregator: this.aggregator };
    }
    let cumulative = 0;
    const values: HistogramSnapshot['values'] = this.buckets.map((le, i) => {
      cumulative += this.counts[i] as number;
      return { value: cumulative, metricName: bucketName, exemplar: null, labels: { le } };
    });
    values.push(
      { value: this.count, metricName: bucketName, exemplar: null, labels: { le: '+Inf' } },
      { value: this.sum, metricName: `${this.name}_sum`, labels: {} },
      { value: this.count, metricName: `${this.name}_count`, labels: {} },
    );
    return {
      name: this.name,
      help: this.help,
      type: this.type,
      values,
      aggregator: this.aggregator,
    };
  }
}

export function createThreadMetrics(): ThreadMetrics {
  const registry = new Registry();
  let messagesPending = 0;
  new Counter({
    name: 'peakdesk_messages_total',
    help: 'Customer messages received (WS frames and HTTP turns)',
    registers: [registry],
    collect() {
      if (messagesPending > 0) this.inc(messagesPending);
      messagesPending = 0;
    },
  });
  const replies = new PendingCounts({
    name: 'peakdesk_replies_total',
    help: 'Bot replies by intent and action',
    labelNames: ['intent', 'action'],
    registers: [registry],
  });
  const handoffs = new PendingCounts({
    name: 'peakdesk_handoffs_total',
    help: 'Hand-offs to human queues by queue and reason',
    labelNames: ['queue', 'reason'],
    registers: [registry],
  });
  const errors = new PendingCounts({
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
  const replySeconds = new ArrayHistogram(
    'peakdesk_reply_seconds',
    'Time from receiving a message to having its reply, in seconds (server side)',
    REPLY_BUCKETS_SECONDS,
    registry,
  );
  return {
    registry,
    message(): void {
      messagesPending++;
    },
    reply(frame: ReplyFrame): void {
      replies.add(frame.intent, frame.action);
      if (frame.handoff !== undefined) handoffs.add(frame.handoff.queue, frame.handoff.reason);
      replySeconds.observe(frame.serverMicros / 1e6);
    },
    error(code: ErrorCode): void {
      errors.add(code);
    },
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
