// Erlang C (M/M/N): the delay model without abandonment, evaluated through the Erlang B
// recursion so it stays finite at thousands of agents.
import { checkLoad, idleQueue, type QueueLoad, type QueueMetrics } from './queue-model.ts';

/**
 * Erlang B blocking B(n, a) by the recursion 1/B(k) = 1 + (k/a)·1/B(k−1), B(0) = 1 (Cooper,
 * Introduction to Queueing Theory, 2nd ed., §3.4): no factorial or power, one multiply-add per
 * step; when 1/B passes 1e300 the true B is below 1e-300 and 0 is returned. O(n).
 */
export function erlangB(servers: number, erlangs: number): number {
  if (erlangs <= 0) return servers === 0 ? 1 : 0;
  const inv = 1 / erlangs;
  let invB = 1;
  for (let k = 1; k <= servers; k++) {
    invB = 1 + k * inv * invB;
    if (invB > 1e300) return 0;
  }
  return 1 / invB;
}

/** Erlang C probability of waiting C(n, a) = n·B / (n − a·(1 − B)); 1 when a ≥ n (unstable). */
export function erlangCWait(servers: number, erlangs: number): number {
  if (erlangs <= 0) return 0;
  if (erlangs >= servers) return 1;
  const b = erlangB(servers, erlangs);
  return (servers * b) / (servers - erlangs * (1 - b));
}

/**
 * Erlang C figures: P(wait) = C, SL(T) = 1 − C·e^{−(n−a)·T/AHT}, ASA = C·AHT/(n − a),
 * occupancy a/n (capped at 1). An unstable queue (a ≥ n) has SL 0 and infinite ASA.
 */
export function erlangC(load: QueueLoad): QueueMetrics {
  checkLoad(load);
  const { arrivalRatePerSec, ahtSec, servers, targetSeconds } = load;
  const a = arrivalRatePerSec * ahtSec;
  if (a === 0) return idleQueue(servers);
  const stable = a < servers;
  const pWait = erlangCWait(servers, a);
  const serviceLevel = stable ? 1 - pWait * Math.exp((-(servers - a) * targetSeconds) / ahtSec) : 0;
  const asaSeconds = stable ? (pWait * ahtSec) / (servers - a) : Number.POSITIVE_INFINITY;
  return {
    servers,
    erlangs: a,
    pWait,
    serviceLevel,
    serviceLevels: {
      'answered-of-offered': serviceLevel,
      'answered-of-answered': serviceLevel,
      'wait-within-T': serviceLevel,
      'answered-of-offered-less-short-abandons': serviceLevel,
    },
    asaSeconds,
    meanWaitSeconds: asaSeconds,
    pAbandon: 0,
    occupancy: servers === 0 ? 1 : Math.min(1, a / servers),
  };
}
