// Discrete-event simulation of one queue through a day of intervals: the arrival rate and the
// agents on duty change at each interval boundary and the queue carries over, so a midnight
// spike's backlog shows up in the intervals after it (which per-interval Erlang cannot see).
// Replications of the whole day give per-interval means with Student-t 95% intervals.
import type { Rng } from '../util/rng.ts';
import { type Estimate, tQuantile975 } from './agent-pool-sim.ts';
import { CompletionHeap } from './completion-heap.ts';
import { ahtAtConcurrency, type HandleTime, slotModel } from './concurrency.ts';

export interface DayInterval {
  /** Offered chats per second during the interval. */
  arrivalRatePerSec: number;
  /** Agents on duty (≥ 0); agents going off duty finish their chats first. */
  agents: number;
}

export interface DaySimOptions extends HandleTime {
  intervals: readonly DayInterval[];
  intervalSec: number;
  targetSeconds: number;
  /** Mean exponential patience, seconds; absent: nobody abandons. */
  patienceSec?: number;
  /** Independent runs of the day (≥ 2). @default 10 */
  replications?: number;
  /** Seconds simulated before the first interval at its rate and staffing. @default intervalSec */
  warmupSec?: number;
  rng: Rng;
}

/** Estimates are NaN when no replication had the denominator (no chats, or no agents on duty). */
export interface DaySimInterval {
  /** Mean offered chats per replication. */
  offered: number;
  /** Answered within T over offered (abandons miss), by arrival interval. */
  serviceLevel: Estimate;
  pAbandon: Estimate;
  /** Mean wait of answered chats, seconds. */
  asaSeconds: Estimate;
  /** Busy chat-slot time over on-duty slot time in the interval. */
  occupancy: Estimate;
}

export interface DaySimResult {
  intervals: DaySimInterval[];
  /** The whole day (every interval's chats pooled per replication). */
  day: Omit<DaySimInterval, 'offered'>;
  /** Per replication: offered = answered + abandoned over the whole day (all chats finish). */
  accounting: { offered: number; answered: number; abandoned: number }[];
}

interface Counts {
  offered: Float64Array;
  answered: Float64Array;
  answeredWithin: Float64Array;
  abandoned: Float64Array;
  waitSum: Float64Array;
  busy: Float64Array;
  capacity: Float64Array;
}

function runDay(options: DaySimOptions, rng: Rng, counts: Counts): void {
  const { intervals, intervalSec, targetSeconds: T, patienceSec } = options;
  const warmup = options.warmupSec ?? intervalSec;
  const K = slotModel(options).concurrency;
  const meanAt = new Float64Array(K + 1);
  for (let k = 1; k <= K; k++) meanAt[k] = ahtAtConcurrency(options, k);
  let maxAgents = 0;
  for (const iv of intervals) maxAgents = Math.max(maxAgents, iv.agents);
  const n = Math.max(1, maxAgents);

  const held = new Int32Array(n);
  const lists = new Int32Array(K * n);
  const sizes = new Int32Array(K);
  const pos = new Int32Array(n);
  let onDuty = 0;
  const insert = (a: number): void => {
    const c = held[a] as number;
    if (c >= K) return;
    const s = sizes[c] as number;
    lists[c * n + s] = a;
    pos[a] = s;
    sizes[c] = s + 1;
  };
  const remove = (a: number): void => {
    const c = held[a] as number;
    if (c >= K) return;
    const s = (sizes[c] as number) - 1;
    const last = lists[c * n + s] as number;
    const p = pos[a] as number;
    lists[c * n + p] = last;
    pos[last] = p;
    sizes[c] = s;
  };
  const take = (): number => {
    let c = 0;
    while (c < K && sizes[c] === 0) c++;
    if (c === K) return -1;
    const a = lists[c * n + (sizes[c] as number) - 1] as number;
    remove(a);
    held[a] = c + 1;
    insert(a);
    return a;
  };
  const release = (a: number): void => {
    if (a < onDuty) remove(a);
    held[a] = (held[a] as number) - 1;
    if (a < onDuty) insert(a);
  };

  const heap = new CompletionHeap(n * K);

  let cap = 1024;
  let qT = new Float64Array(cap);
  let qD = new Float64Array(cap);
  let qB = new Int32Array(cap);
  let qHead = 0;
  let qLen = 0;
  const enqueue = (t: number, deadline: number, bucket: number): void => {
    if (qLen === cap) {
      const nT = new Float64Array(cap * 2);
      const nD = new Float64Array(cap * 2);
      const nB = new Int32Array(cap * 2);
      for (let i = 0; i < qLen; i++) {
        const j = (qHead + i) & (cap - 1);
        nT[i] = qT[j] as number;
        nD[i] = qD[j] as number;
        nB[i] = qB[j] as number;
      }
      qT = nT;
      qD = nD;
      qB = nB;
      qHead = 0;
      cap *= 2;
    }
    const j = (qHead + qLen) & (cap - 1);
    qT[j] = t;
    qD[j] = deadline;
    qB[j] = bucket;
    qLen++;
  };

  const add = (arr: Float64Array, b: number, v: number): void => {
    if (b >= 0 && b < arr.length) arr[b] = (arr[b] as number) + v;
  };
  let busySlots = 0;
  const start = (now: number, a: number, bucket: number, wait: number): void => {
    heap.push(now + rng.exponential(meanAt[held[a] as number] as number), a);
    busySlots++;
    add(counts.answered, bucket, 1);
    add(counts.waitSum, bucket, wait);
    if (wait <= T) add(counts.answeredWithin, bucket, 1);
  };
  const serveQueue = (now: number): void => {
    while (qLen > 0) {
      const deadline = qD[qHead] as number;
      if (deadline > now) {
        const a = take();
        if (a < 0) return;
        start(now, a, qB[qHead] as number, now - (qT[qHead] as number));
      } else add(counts.abandoned, qB[qHead] as number, 1);
      qHead = (qHead + 1) & (cap - 1);
      qLen--;
    }
  };
  const setStaff = (agents: number, now: number): void => {
    if (agents > onDuty) {
      const from = onDuty;
      onDuty = agents;
      for (let a = from; a < agents; a++) insert(a);
      serveQueue(now);
    } else {
      for (let a = agents; a < onDuty; a++) remove(a);
      onDuty = agents;
    }
  };

  // Interval −1 is the warm-up; bucket −1 is not counted.
  let bucket = -1;
  let boundary = 0;
  let rate = intervals[0]?.arrivalRatePerSec ?? 0;
  let now = -warmup;
  let last = now;
  setStaff(intervals[0]?.agents ?? 0, now);
  let nextArrival = rate > 0 ? now + rng.exponential(1 / rate) : Number.POSITIVE_INFINITY;
  const advance = (t: number): void => {
    add(counts.busy, bucket, busySlots * (t - last));
    last = t;
  };
  for (;;) {
    const completion = heap.size > 0 ? heap.topTime() : Number.POSITIVE_INFINITY;
    if (boundary <= nextArrival && boundary <= completion && bucket < intervals.length) {
      advance(boundary);
      now = boundary;
      bucket++;
      const iv = intervals[bucket];
      if (iv === undefined) {
        rate = 0;
        nextArrival = Number.POSITIVE_INFINITY;
        boundary = Number.POSITIVE_INFINITY;
        continue;
      }
      add(counts.capacity, bucket, iv.agents * K * intervalSec);
      setStaff(iv.agents, now);
      rate = iv.arrivalRatePerSec;
      nextArrival = rate > 0 ? now + rng.exponential(1 / rate) : Number.POSITIVE_INFINITY;
      boundary = now + intervalSec;
      continue;
    }
    if (nextArrival < completion) {
      now = nextArrival;
      advance(now);
      nextArrival = now + rng.exponential(1 / rate);
      add(counts.offered, bucket, 1);
      const a = take();
      if (a >= 0) start(now, a, bucket, 0);
      else
        enqueue(
          now,
          patienceSec === undefined ? Number.POSITIVE_INFINITY : now + rng.exponential(patienceSec),
          bucket,
        );
      continue;
    }
    if (completion === Number.POSITIVE_INFINITY) break;
    now = completion;
    advance(now);
    const a = heap.popAgent();
    busySlots--;
    release(a);
    if (a < onDuty) serveQueue(now);
  }
  // Chats still queued when the last agents went off duty never get an answer.
  while (qLen > 0) {
    add(counts.abandoned, qB[qHead] as number, 1);
    qHead = (qHead + 1) & (cap - 1);
    qLen--;
  }
}

function estimateOf(values: number[]): Estimate {
  const r = values.length;
  if (r === 0) return { mean: Number.NaN, halfWidth: Number.NaN };
  const mean = values.reduce((s, v) => s + v, 0) / r;
  if (r < 2) return { mean, halfWidth: Number.NaN };
  const ss = values.reduce((s, v) => s + (v - mean) * (v - mean), 0);
  return { mean, halfWidth: (tQuantile975(r - 1) * Math.sqrt(ss / (r - 1))) / Math.sqrt(r) };
}

/** Replicates the day and estimates each interval's service figures. */
export function simulateDay(options: DaySimOptions): DaySimResult {
  const { intervals, intervalSec, targetSeconds } = options;
  const replications = options.replications ?? 10;
  if (!(Number.isInteger(replications) && replications >= 2))
    throw new RangeError(`replications must be an integer >= 2, got ${replications}`);
  if (!(intervalSec > 0)) throw new RangeError(`intervalSec must be > 0, got ${intervalSec}`);
  if (!(targetSeconds >= 0)) throw new RangeError(`targetSeconds must be >= 0, got ${targetSeconds}`);
  for (const [i, iv] of intervals.entries()) {
    if (!(iv.arrivalRatePerSec >= 0 && Number.isFinite(iv.arrivalRatePerSec)))
      throw new RangeError(
        `intervals[${i}].arrivalRatePerSec must be a finite number >= 0, got ${iv.arrivalRatePerSec}`,
      );
    if (!(Number.isInteger(iv.agents) && iv.agents >= 0))
      throw new RangeError(`intervals[${i}].agents must be an integer >= 0, got ${iv.agents}`);
  }
  const m = intervals.length;
  const perRep: Counts[] = [];
  for (let r = 0; r < replications; r++) {
    const counts: Counts = {
      offered: new Float64Array(m),
      answered: new Float64Array(m),
      answeredWithin: new Float64Array(m),
      abandoned: new Float64Array(m),
      waitSum: new Float64Array(m),
      busy: new Float64Array(m),
      capacity: new Float64Array(m),
    };
    runDay(options, options.rng.fork(r), counts);
    perRep.push(counts);
  }
  const ratio = (i: number, num: keyof Counts, den: keyof Counts): Estimate => {
    const values: number[] = [];
    for (const c of perRep) {
      const d = c[den][i] as number;
      if (d > 0) values.push((c[num][i] as number) / d);
    }
    return estimateOf(values);
  };
  const sum = (arr: Float64Array): number => arr.reduce((s, v) => s + v, 0);
  const pooled = (num: keyof Counts, den: keyof Counts): Estimate => {
    const values: number[] = [];
    for (const c of perRep) {
      const d = sum(c[den]);
      if (d > 0) values.push(sum(c[num]) / d);
    }
    return estimateOf(values);
  };
  return {
    day: {
      serviceLevel: pooled('answeredWithin', 'offered'),
      pAbandon: pooled('abandoned', 'offered'),
      asaSeconds: pooled('waitSum', 'answered'),
      occupancy: pooled('busy', 'capacity'),
    },
    intervals: intervals.map((_, i) => ({
      offered: perRep.reduce((s, c) => s + (c.offered[i] as number), 0) / replications,
      serviceLevel: ratio(i, 'answeredWithin', 'offered'),
      pAbandon: ratio(i, 'abandoned', 'offered'),
      asaSeconds: ratio(i, 'waitSum', 'answered'),
      occupancy: ratio(i, 'busy', 'capacity'),
    })),
    accounting: perRep.map((c) => ({
      offered: sum(c.offered),
      answered: sum(c.answered),
      abandoned: sum(c.abandoned),
    })),
  };
}
