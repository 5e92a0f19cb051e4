// Erlang A (M/M/N+M, Palm's queue): Erlang C plus exponential patience. Stable at thousands
// of agents: the birth–death sums are taken relative to their largest term, and the
// waiting-time tails use the regularized incomplete gamma in log space.
//
// Sources: Garnett, Mandelbaum & Reiman, "Designing a Call Center with Impatient Customers",
// M&SOM 4(3), 2002 (P(wait), P(abandon)); Mandelbaum & Zeltyn, "Service Engineering in Action:
// the Palm/Erlang-A Queue, with Applications to Call Centers", 2007, and "The M/M/n+G queue:
// summary of performance measures" (tails of the offered wait V and of W = min(V, patience)).
import { erlangB } from './erlang-c.ts';
import {
  checkLoad,
  idleQueue,
  type QueueLoad,
  type QueueMetrics,
  type ServiceLevelDefinition,
} from './queue-model.ts';
import { digamma, logGamma, logRegularizedLowerGamma } from './special-functions.ts';

export interface ErlangALoad extends QueueLoad {
  /** Mean patience (exponential), seconds. */
  patienceSec: number;
  /**
   * Service-level definition reported as `serviceLevel` (all four are in `serviceLevels`).
   * @default 'answered-of-offered'
   */
  serviceLevelDefinition?: ServiceLevelDefinition;
}

/** Sums over the waiting states n+j, j ≥ 0, scaled by their largest term. */
interface WaitingSums {
  /** Σ t_j with t_j = π_{n+j}/π_n = ∏_{i=1..j} y/(x+i). */
  states: number;
  /** Σ t_j·x/(x+j+1): waiters that are eventually served. */
  served: number;
  /** Σ t_j·x/(x+j+1)·H_j, H_j = Σ_{i=1..j+1} 1/(x+i): θ·E[wait; served]. */
  servedWait: number;
  /** ln of the scale: ln t_peak. */
  logScale: number;
}

const NEGLIGIBLE = 1e-17;

/**
 * In units of the mean patience, x = nμ/θ and y = λ/θ. An arrival finding j others waiting is
 * served after a sum of exponential phases with rates x+j, …, x+1, x (those ahead abandon or are
 * served); against its own Exp(1) patience it is served with probability x/(x+j+1) and, if so,
 * waits H_j on average (the derivative of the phases' Laplace transform at 1).
 */
function waitingSums(x: number, y: number): WaitingSums {
  const peak = Math.max(0, Math.floor(y - x));
  const h0 = digamma(x + peak + 2) - digamma(x + 1);
  let states = 0;
  let served = 0;
  let servedWait = 0;
  let r = 1;
  let h = h0;
  for (let j = peak; ; j++) {
    const s = (r * x) / (x + j + 1);
    states += r;
    served += s;
    servedWait += s * h;
    r *= y / (x + j + 1);
    h += 1 / (x + j + 2);
    if (r < NEGLIGIBLE * states) break;
  }
  r = 1;
  h = h0;
  for (let j = peak - 1; j >= 0; j--) {
    r *= (x + j + 1) / y;
    h -= 1 / (x + j + 2);
    const s = (r * x) / (x + j + 1);
    states += r;
    served += s;
    servedWait += s * h;
    if (r < NEGLIGIBLE * states) break;
  }
  const logScale = peak * Math.log(y) - (logGamma(x + peak + 1) - logGamma(x + 1));
  return { states, served, servedWait, logScale };
}

/** Erlang A figures for n servers; `patienceSec` = mean of the exponential patience. */
export function erlangA(load: ErlangALoad): QueueMetrics {
  checkLoad(load);
  const { arrivalRatePerSec, ahtSec, servers, targetSeconds, patienceSec } = load;
  const definition = load.serviceLevelDefinition ?? 'answered-of-offered';
  if (!(patienceSec > 0 && Number.isFinite(patienceSec)))
    throw new RangeError(`patienceSec must be a finite number > 0, got ${patienceSec}`);
  const a = arrivalRatePerSec * ahtSec;
  if (a === 0) return idleQueue(servers);
  const y = arrivalRatePerSec * patienceSec;
  const thetaT = targetSeconds / patienceSec;
  if (servers === 0) {
    const metWait = -Math.expm1(-thetaT);
    return {
      servers,
      erlangs: a,
      pWait: 1,
      serviceLevel: definition === 'wait-within-T' ? metWait : 0,
      serviceLevels: {
        'answered-of-offered': 0,
        'answered-of-answered': 0,
        'wait-within-T': metWait,
        'answered-of-offered-less-short-abandons': 0,
      },
      asaSeconds: Number.POSITIVE_INFINITY,
      meanWaitSeconds: patienceSec,
      pAbandon: 1,
      occupancy: 0,
    };
  }
  const x = (servers * patienceSec) / ahtSec;
  const b = erlangB(servers, a);
  if (b === 0) {
    const idle = idleQueue(servers);
    return { ...idle, erlangs: a, occupancy: Math.min(1, a / servers) };
  }
  const sums = waitingSums(x, y);
  const logStates = Math.log(sums.states) + sums.logScale;
  // π_n = 1 / (1/B − 1 + Σ t_j); P(wait) = π_n·Σ t_j (Garnett et al. 2002, eq. for P{W > 0}).
  const pWait = 1 / (1 + Math.exp(Math.log1p(-b) - Math.log(b) - logStates));
  const servedOfWaiting = sums.served / sums.states;
  const pAbandon = pWait * (1 - servedOfWaiting);
  const waitServed = (patienceSec * pWait * sums.servedWait) / sums.states;
  const pAnswered = 1 - pAbandon;

  // Offered wait V: P(V > t) = P(wait)·P(x, y·e^{−θt}) / P(x, y); answered after a wait within T:
  // P(wait)·served-of-waiting·(1 − P(x+1, y·e^{−θT}) / P(x+1, y)).
  const yz = y * Math.exp(-thetaT);
  const logPxy = logRegularizedLowerGamma(x, y);
  const tailV = thetaT === 0 ? 1 : Math.exp(logRegularizedLowerGamma(x, yz) - logPxy);
  const pWaitBeyondT = pWait * tailV * Math.exp(-thetaT);
  const answeredLate =
    thetaT === 0 ? 0 : -Math.expm1(logRegularizedLowerGamma(x + 1, yz) - logRegularizedLowerGamma(x + 1, y));
  const answeredWithin = 1 - pWait + pWait * servedOfWaiting * answeredLate;
  const abandonedWithin = Math.max(0, 1 - pWaitBeyondT - answeredWithin);
  const serviceLevels: Record<ServiceLevelDefinition, number> = {
    'answered-of-offered': answeredWithin,
    'answered-of-answered': pAnswered > 0 ? answeredWithin / pAnswered : 0,
    'wait-within-T': 1 - pWaitBeyondT,
    'answered-of-offered-less-short-abandons': answeredWithin / (1 - abandonedWithin),
  };
  return {
    servers,
    erlangs: a,
    pWait,
    serviceLevel: serviceLevels[definition],
    serviceLevels,
    asaSeconds: pAnswered > 0 ? waitServed / pAnswered : Number.POSITIVE_INFINITY,
    meanWaitSeconds: pAbandon * patienceSec,
    pAbandon,
    occupancy: Math.min(1, (a * pAnswered) / servers),
  };
}
