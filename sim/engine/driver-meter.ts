// What a driver (WebSocket or HTTP) measures between two flushes to the load engine: counters, latency
// by intent, start slip and event-loop lag. Recorder histograms are reset by each flush, not rebuilt,
// and cross to the engine as sparse deltas.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { BotReply } from '../../server/bot/types.ts';
import { createRecorderHistogram, type Histogram, recordMs, toDelta } from '../metrics/latency.ts';
import {
  admitArrival,
  bump,
  type ConversationOutcome,
  type Counters,
  countOutcome,
  createCounters,
} from './counters.ts';
import type { ScheduleLoop } from './schedule-loop.ts';

/** monitorEventLoopDelay samples every this many ms and reports that much on an idle loop. */
const LOOP_DELAY_RESOLUTION_MS = 10;

export interface MeterDelta {
  counters: Counters;
  latency: Float64Array;
  latencyByIntent: Record<string, Float64Array>;
  slip: Float64Array;
  loopLagP99Ms: number;
}

export class DriverMeter {
  /** Replaced by each `take`: count into `meter.counters`, never into a saved reference. */
  counters: Counters = createCounters();
  private readonly latency = createRecorderHistogram();
  private readonly latencyByIntent = new Map<string, Histogram>();
  private readonly slip = createRecorderHistogram();
  private readonly loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });

  start(): void {
    this.loopDelay.enable();
  }

  stop(): void {
    this.loopDelay.disable();
  }

  /** A reply's (or a timed-out message's) latency; by intent too when given. */
  latencyMs(ms: number, intent?: string): void {
    recordMs(this.latency, ms);
    if (intent === undefined) return;
    let h = this.latencyByIntent.get(intent);
    if (h === undefined) {
      h = createRecorderHistogram();
      this.latencyByIntent.set(intent, h);
    }
    recordMs(h, ms);
  }

  /** How late a start or a send was against its intended time. */
  slipMs(ms: number): void {
    recordMs(this.slip, Math.max(0, ms));
  }

  /**
   * A message meant for plan time `planMs` leaving at `nowRealMs`: its slip recorded, and the real ms its
   * latency counts from (ScheduleLoop.measureFrom: the intended time, or the send when the quantum let it out early).
   */
  departure(loop: Pick<ScheduleLoop, 'measureFrom'>, planMs: number, nowRealMs: number): number {
    const from = loop.measureFrom(planMs, nowRealMs);
    this.slipMs(nowRealMs - from);
    return from;
  }

  /**
   * An arrival at its start, `lateMs` after its intended time: its slip recorded, and whether it starts
   * (see admitArrival: at `atCap` it is dropped).
   */
  admit(intent: string, lateMs: number, slipToleranceMs: number, atCap: boolean): boolean {
    this.slipMs(lateMs);
    return admitArrival(this.counters, intent, lateMs, slipToleranceMs, atCap);
  }

  /** A conversation ended; one the customer already gave up on was counted abandoned then. */
  ended(
    intent: string,
    outcome: ConversationOutcome,
    wasAbandoned: boolean,
    handoff?: BotReply['handoff'],
  ): void {
    if (!wasAbandoned) countOutcome(this.counters, intent, outcome);
    if (outcome === 'handedOff' && handoff !== undefined) {
      bump(this.counters.handoffsByQueue, handoff.queue);
      bump(this.counters.handoffsByReason, handoff.reason);
    }
  }

  /** The customer's patience ran out while waiting for a reply. */
  gaveUp(intent: string): void {
    countOutcome(this.counters, intent, 'abandoned');
    this.counters.gaveUpWaiting++;
  }

  /** Everything measured since the last call, as a flush carries it; starts the next window. */
  take(): MeterDelta {
    const byIntent: Record<string, Float64Array> = {};
    for (const [intent, h] of this.latencyByIntent) {
      if (h.totalCount > 0) byIntent[intent] = toDelta(h);
      h.reset();
    }
    const out: MeterDelta = {
      counters: this.counters,
      latency: toDelta(this.latency),
      latencyByIntent: byIntent,
      slip: toDelta(this.slip),
      loopLagP99Ms: Math.max(0, this.loopDelay.percentile(99) / 1e6 - LOOP_DELAY_RESOLUTION_MS),
    };
    this.counters = createCounters();
    this.latency.reset();
    this.slip.reset();
    this.loopDelay.reset();
    return out;
  }
}
