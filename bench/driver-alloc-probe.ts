// The steady bench workload with a probe for bench/driver-alloc.ts: loaded inside the driver thread (as any
// workload module is), it samples that thread's allocations (V8's sampling heap profiler) and times its GCs
// over a window after a warm-up, counts the replies in the window, and posts the figures on a
// BroadcastChannel. The driver itself carries no hook.
import { Session } from 'node:inspector/promises';
import { constants, type PerformanceEntry, PerformanceObserver, performance } from 'node:perf_hooks';
import { BroadcastChannel } from 'node:worker_threads';
import type { CustomerStep, Workload } from '../sim/engine/workload.ts';
import type { SamplingNode } from './heap-sampling.ts';
import { createWorkload as createSteady, SteadyCustomer, type SteadySpec } from './workloads/steady.ts';

export const PROBE_CHANNEL = 'peakdesk-driver-alloc';

export interface ProbeSpec {
  steady: SteadySpec;
  /** Real ms after the first arrival before the window opens (JIT warm, sockets pooled). */
  warmupMs: number;
  /** Real ms the window lasts (must end before the run does). */
  windowMs: number;
  /** Sample allocations; off, only GCs are timed (the profiler's own bookkeeping left out). */
  sampleAllocations: boolean;
  /** Sample only what is still alive at the window's end (what each scavenge has to copy), garbage left out. */
  liveOnly: boolean;
}

export interface ProbeResult {
  /** Replies the driver took in the window (a message each, sent and answered). */
  replies: number;
  windowMs: number;
  /** Pause ms of each young-generation GC (scavenge) in the window. */
  scavengeMs: number[];
  /** Pause ms of each other GC in the window (mark-compact, incremental marking steps, weak callbacks). */
  otherGcMs: number[];
  profile: SamplingNode | undefined;
}

let replies = 0;

/** A steady customer that counts the replies it takes (one object a conversation, as steady's own). */
class CountedCustomer extends SteadyCustomer {
  override onReply(): CustomerStep {
    replies++;
    return super.onReply();
  }
}

export function createWorkload(spec: ProbeSpec): Workload {
  const steady = createSteady(spec.steady);
  let started = false;
  const window = async (): Promise<void> => {
    const session = new Session();
    session.connect();
    if (spec.sampleAllocations) {
      await session.post('HeapProfiler.startSampling', {
        samplingInterval: 4096,
        includeObjectsCollectedByMajorGC: !spec.liveOnly,
        includeObjectsCollectedByMinorGC: !spec.liveOnly,
      });
    }
    const scavengeMs: number[] = [];
    const otherGcMs: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
        (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? scavengeMs : otherGcMs).push(e.duration);
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    const from = performance.now();
    const fromReplies = replies;
    await new Promise((resolve) => setTimeout(resolve, spec.windowMs));
    const windowMs = performance.now() - from;
    const windowReplies = replies - fromReplies;
    let profile: SamplingNode | undefined;
    if (spec.sampleAllocations) {
      const out = (await session.post('HeapProfiler.stopSampling')) as { profile: { head: SamplingNode } };
      profile = out.profile.head;
    }
    // the observer delivers entries asynchronously: let the window's last ones in
    await new Promise((resolve) => setImmediate(resolve));
    observer.disconnect();
    session.disconnect();
    const result: ProbeResult = { replies: windowReplies, windowMs, scavengeMs, otherGcMs, profile };
    const channel = new BroadcastChannel(PROBE_CHANNEL);
    channel.postMessage(result);
    channel.close();
  };
  return {
    endPlanMs: steady.endPlanMs,
    speed: steady.speed,
    arrivals(from, to) {
      if (!started) {
        started = true;
        setTimeout(() => {
          window().catch((err: unknown) => {
            process.stderr.write(`driver-alloc probe failed: ${String(err)}\n`);
            process.exit(1);
          });
        }, spec.warmupMs);
      }
      return steady.arrivals(from, to);
    },
    customer: (arrival) => new CountedCustomer(spec.steady, arrival.seq),
  };
}
