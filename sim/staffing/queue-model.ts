// The plain-data contract shared by the two staffing models (Erlang C and Erlang A), so the
// solver, the interval plan and the shared test suite treat them alike.

/** One queue in one interval, as the models see it: servers are chat slots (agents × concurrency). */
export interface QueueLoad {
  /** Offered contacts per second. */
  arrivalRatePerSec: number;
  /** Mean handle time of one contact on one server, seconds. */
  ahtSec: number;
  /** Number of servers (≥ 0, integer). */
  servers: number;
  /** T of the service level "answered within T seconds". */
  targetSeconds: number;
}

/**
 * Which contacts count as "within T" under abandonment (Mandelbaum & Zeltyn, "Service Engineering
 * in Action: the Palm/Erlang-A Queue", 2007; §4.2 "accounting for abandonment" in the Technion
 * report version; the 4CallCenters options):
 * - `answered-of-offered`: answered within T / all offered (abandons always miss),
 * - `answered-of-answered`: answered within T / answered (abandons ignored),
 * - `wait-within-T`: P(W ≤ T) over all offered (answered within T or abandoned within T both met),
 * - `answered-of-offered-less-short-abandons`: answered within T / (offered − abandoned within T).
 * Without abandonment (Erlang C) all four are the same number.
 */
export type ServiceLevelDefinition =
  | 'answered-of-offered'
  | 'answered-of-answered'
  | 'wait-within-T'
  | 'answered-of-offered-less-short-abandons';

export const SERVICE_LEVEL_DEFINITIONS: readonly ServiceLevelDefinition[] = [
  'answered-of-offered',
  'answered-of-answered',
  'wait-within-T',
  'answered-of-offered-less-short-abandons',
];

/** Steady-state figures of one queue with a given number of servers. */
export interface QueueMetrics {
  servers: number;
  /** Offered load λ·AHT in server-erlangs. */
  erlangs: number;
  /** P(an arrival waits at all). */
  pWait: number;
  /** Service level under the chosen definition (Erlang C: the only one). */
  serviceLevel: number;
  /** The service level under each definition. */
  serviceLevels: Record<ServiceLevelDefinition, number>;
  /** Mean wait of answered contacts (the WFM "ASA"), seconds; Infinity when the queue is unstable. */
  asaSeconds: number;
  /** Mean wait over all arrivals, abandoned ones up to their abandonment, seconds. */
  meanWaitSeconds: number;
  /** P(abandon); 0 for Erlang C. */
  pAbandon: number;
  /** Carried load per server (answered work / capacity), in [0, 1]. */
  occupancy: number;
}

/** A staffing model: the queue figures for a load. */
export type QueueModel = (load: QueueLoad) => QueueMetrics;

export function idleQueue(servers: number): QueueMetrics {
  const serviceLevels: Record<ServiceLevelDefinition, number> = {
    'answered-of-offered': 1,
    'answered-of-answered': 1,
    'wait-within-T': 1,
    'answered-of-offered-less-short-abandons': 1,
  };
  return {
    servers,
    erlangs: 0,
    pWait: 0,
    serviceLevel: 1,
    serviceLevels,
    asaSeconds: 0,
    meanWaitSeconds: 0,
    pAbandon: 0,
    occupancy: 0,
  };
}

export function checkLoad(load: QueueLoad): void {
  const { arrivalRatePerSec, ahtSec, servers, targetSeconds } = load;
  if (!(arrivalRatePerSec >= 0 && Number.isFinite(arrivalRatePerSec)))
    throw new RangeError(`arrivalRatePerSec must be a finite number >= 0, got ${arrivalRatePerSec}`);
  if (!(ahtSec > 0 && Number.isFinite(ahtSec)))
    throw new RangeError(`ahtSec must be a finite number > 0, got ${ahtSec}`);
  if (!(Number.isInteger(servers) && servers >= 0))
    throw new RangeError(`servers must be an integer >= 0, got ${servers}`);
  if (!(targetSeconds >= 0 && Number.isFinite(targetSeconds)))
    throw new RangeError(`targetSeconds must be a finite number >= 0, got ${targetSeconds}`);
}
