// Discrete-event simulation of one agent pool: Poisson arrivals, FIFO queue, exponential
// patience, agents holding up to K chats with the handle time of their current concurrency.
// It checks the Erlang C/A formulas and the slot model of concurrency.ts, and reports batch-means
// confidence intervals. Typed arrays, a binary heap of completions and lazy abandonment (a
// queued chat's patience is checked when it reaches the head) keep it allocation-free per event.
import type { Rng } from '../util/rng.ts';
import { CompletionHeap } from './completion-heap.ts';
import { ahtAtConcurrency, type HandleTime, slotModel } from './concurrency.ts';

export interface PoolSimOptions extends HandleTime {
  /** Offered chats per second. */
  arrivalRatePerSec: number;
  /** Agents (≥ 1). */
  agents: number;
  /** T of "answered within T seconds". */
  targetSeconds: number;
  /** Mean exponential patience, seconds; absent: nobody abandons. */
  patienceSec?: number;
  /** Handle-time distribution around the mean. @default 'exponential' */
  serviceDistribution?: 'exponential' | 'lognormal';
  /** Coefficient of variation of a lognormal handle time. @default 1 */
  serviceCv?: number;
  /** Chats measured (after warm-up). @default 200_000 */
  chats?: number;
  /** Chats simulated first and not measured. @default chats / 10 */
  warmupChats?: number;
  /** Batches for the batch-means confidence intervals (≥ 2). @default 20 */
  batches?: number;
  /** The seeded generator all draws come from. */
  rng: Rng;
}

/** A batch-means estimate: mean ± halfWidth is the 95% confidence interval. */
export interface Estimate {
  mean: number;
  halfWidth: number;
}

export interface PoolSimResult {
  chats: number;
  pWait: Estimate;
  /** Answered within T over all offered (abandons miss). */
  serviceLevel: Estimate;
  /** Answered within T over answered. */
  serviceLevelOfAnswered: Estimate;
  /** Wait ≤ T over all offered (an abandon within T counts as met). */
  waitWithinT: Estimate;
  /** Mean wait of answered chats, seconds. */
  asaSeconds: Estimate;
  pAbandon: Estimate;
  /** Busy chat-slot time over N·K·elapsed. */
  occupancy: Estimate;
  /** Simulated time, seconds. */
  simulatedSeconds: number;
  /** Chats simulated, the warm-up's included. */
  simulatedChats: number;
  /** Events processed, warm-up included: each arrival and each completion (abandons are found lazily, not events). */
  events: number;
}

/** Student-t 0.975 quantile for ν degrees of freedom (Cornish–Fisher expansion; < 1e-3 off for ν ≥ 4). */
export function tQuantile975(nu: number): number {
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * nu) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu * nu * nu)
  );
}

function estimate(values: Float64Array): Estimate {
  const n = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return { mean, halfWidth: (tQuantile975(n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n) };
}

/** Simulates the pool in steady state and estimates its service figures with 95% intervals. */
export function simulatePool(options: PoolSimOptions): PoolSimResult {
  const { arrivalRatePerSec: lambda, agents, targetSeconds: T, patienceSec, rng } = options;
  const chats = options.chats ?? 200_000;
  const warmup = options.warmupChats ?? Math.floor(chats / 10);
  const batches = options.batches ?? 20;
  const lognormal = (options.serviceDistribution ?? 'exponential') === 'lognormal';
  const cv = options.serviceCv ?? 1;
  if (!(lambda > 0 && Number.isFinite(lambda)))
    throw new RangeError(`arrivalRatePerSec must be a finite number > 0, got ${lambda}`);
  if (!(Number.isInteger(agents) && agents >= 1))
    throw new RangeError(`agents must be an integer >= 1, got ${agents}`);
  if (!(Number.isInteger(batches) && batches >= 2))
    throw new RangeError(`batches must be an integer >= 2, got ${batches}`);
  if (!(Number.isInteger(chats) && chats >= batches))
    throw new RangeError(`chats must be an integer >= batches (${batches}), got ${chats}`);
  if (patienceSec !== undefined && !(patienceSec > 0))
    throw new RangeError(`patienceSec must be > 0, got ${patienceSec}`);
  if (lognormal && !(cv > 0)) throw new RangeError(`serviceCv must be > 0, got ${cv}`);

  const K = slotModel(options).concurrency;
  const meanAt = new Float64Array(K + 1);
  for (let k = 1; k <= K; k++) meanAt[k] = ahtAtConcurrency(options, k);
  const sigma = Math.sqrt(Math.log1p(cv * cv));
  const drawService = (mean: number): number =>
    lognormal ? mean * Math.exp(sigma * rng.normal() - (sigma * sigma) / 2) : rng.exponential(mean);
  const meanGap = 1 / lambda;

  // Agents with spare capacity, by how many chats they hold (0..K−1).
  const held = new Int32Array(agents);
  const lists = new Int32Array(K * agents);
  const sizes = new Int32Array(K);
  const pos = new Int32Array(agents);
  for (let a = 0; a < agents; a++) {
    lists[a] = a;
    pos[a] = a;
  }
  sizes[0] = agents;
  const take = (): number => {
    let c = 0;
    while (c < K && sizes[c] === 0) c++;
    if (c === K) return -1;
    const size = (sizes[c] as number) - 1;
    const a = lists[c * agents + size] as number;
    sizes[c] = size;
    const next = c + 1;
    held[a] = next;
    if (next < K) {
      const s = sizes[next] as number;
      lists[next * agents + s] = a;
      pos[a] = s;
      sizes[next] = s + 1;
    }
    return a;
  };
  const release = (a: number): void => {
    const c = held[a] as number;
    if (c < K) {
      const s = (sizes[c] as number) - 1;
      const last = lists[c * agents + s] as number;
      const p = pos[a] as number;
      lists[c * agents + p] = last;
      pos[last] = p;
      sizes[c] = s;
    }
    const prev = c - 1;
    held[a] = prev;
    const s = sizes[prev] as number;
    lists[prev * agents + s] = a;
    pos[a] = s;
    sizes[prev] = s + 1;
  };

  const slots = agents * K;
  const heap = new CompletionHeap(slots);

  // FIFO ring of waiting chats: arrival time, patience deadline, chat index.
  let cap = 1024;
  let qT = new Float64Array(cap);
  let qD = new Float64Array(cap);
  let qI = new Float64Array(cap);
  let qHead = 0;
  let qLen = 0;
  const enqueue = (t: number, deadline: number, idx: number): void => {
    if (qLen === cap) {
      const nT = new Float64Array(cap * 2);
      const nD = new Float64Array(cap * 2);
      const nI = new Float64Array(cap * 2);
      for (let i = 0; i < qLen; i++) {
        const j = (qHead + i) & (cap - 1);
        nT[i] = qT[j] as number;
        nD[i] = qD[j] as number;
        nI[i] = qI[j] as number;
      }
      qT = nT;
      qD = nD;
      qI = nI;
      qHead = 0;
      cap *= 2;
    }
    const j = (qHead + qLen) & (cap - 1);
    qT[j] = t;
    qD[j] = deadline;
    qI[j] = idx;
    qLen++;
  };

  const batchSize = Math.floor(chats / batches);
  const measured = batchSize * batches;
  const total = warmup + measured;
  const offered = new Float64Array(batches);
  const waited = new Float64Array(batches);
  const answered = new Float64Array(batches);
  const answeredWithin = new Float64Array(batches);
  const abandoned = new Float64Array(batches);
  const abandonedWithin = new Float64Array(batches);
  const waitSum = new Float64Array(batches);
  const work = new Float64Array(batches);
  const batchStart = new Float64Array(batches + 1);
  const batchOf = (idx: number): number => (idx < warmup ? -1 : Math.floor((idx - warmup) / batchSize));

  const start = (now: number, a: number, idx: number, wait: number): void => {
    const service = drawService(meanAt[held[a] as number] as number);
    heap.push(now + service, a);
    const b = batchOf(idx);
    if (b < 0) return;
    answered[b] = (answered[b] as number) + 1;
    waitSum[b] = (waitSum[b] as number) + wait;
    if (wait > 0) waited[b] = (waited[b] as number) + 1;
    if (wait <= T) answeredWithin[b] = (answeredWithin[b] as number) + 1;
    work[b] = (work[b] as number) + service;
  };

  let nextArrival = rng.exponential(meanGap);
  let arrivals = 0;
  let completions = 0;
  let now = 0;
  for (;;) {
    if (arrivals < total && (heap.size === 0 || nextArrival < heap.topTime())) {
      now = nextArrival;
      const idx = arrivals++;
      nextArrival = now + rng.exponential(meanGap);
      const b = batchOf(idx);
      if (b >= 0) {
        offered[b] = (offered[b] as number) + 1;
        if ((idx - warmup) % batchSize === 0) batchStart[b] = now;
      }
      if (idx === total - 1) batchStart[batches] = nextArrival;
      const a = take();
      if (a >= 0) start(now, a, idx, 0);
      else
        enqueue(
          now,
          patienceSec === undefined ? Number.POSITIVE_INFINITY : now + rng.exponential(patienceSec),
          idx,
        );
      continue;
    }
    if (heap.size === 0) break;
    now = heap.topTime();
    release(heap.popAgent());
    completions++;
    while (qLen > 0) {
      const t = qT[qHead] as number;
      const deadline = qD[qHead] as number;
      const idx = qI[qHead] as number;
      qHead = (qHead + 1) & (cap - 1);
      qLen--;
      if (deadline <= now) {
        const b = batchOf(idx);
        if (b >= 0) {
          abandoned[b] = (abandoned[b] as number) + 1;
          waited[b] = (waited[b] as number) + 1;
          if (deadline - t <= T) abandonedWithin[b] = (abandonedWithin[b] as number) + 1;
        }
        continue;
      }
      start(now, take(), idx, now - t);
      break;
    }
  }

  const ratio = (num: Float64Array, den: Float64Array): Estimate => {
    const v = new Float64Array(batches);
    for (let b = 0; b < batches; b++)
      v[b] = (den[b] as number) > 0 ? (num[b] as number) / (den[b] as number) : 0;
    return estimate(v);
  };
  const capacity = new Float64Array(batches);
  for (let b = 0; b < batches; b++)
    capacity[b] = slots * ((batchStart[b + 1] as number) - (batchStart[b] as number));
  const met = new Float64Array(batches);
  for (let b = 0; b < batches; b++) met[b] = (answeredWithin[b] as number) + (abandonedWithin[b] as number);
  return {
    chats: measured,
    pWait: ratio(waited, offered),
    serviceLevel: ratio(answeredWithin, offered),
    serviceLevelOfAnswered: ratio(answeredWithin, answered),
    waitWithinT: ratio(met, offered),
    asaSeconds: ratio(waitSum, answered),
    pAbandon: ratio(abandoned, offered),
    occupancy: ratio(work, capacity),
    simulatedSeconds: now,
    simulatedChats: arrivals,
    events: arrivals + completions,
  };
}
