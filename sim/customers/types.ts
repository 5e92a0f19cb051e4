// Customer behaviour as the scenario describes it (sim/scenario produces it, sim/customers consumes it).

export interface CustomerBehaviour {
  /** Mean number of messages a customer needs for one need, first message included. */
  turnsMean: number;
  /** Hard cap on messages in one conversation. */
  maxTurns: number;
  /** Think time between a bot reply and the next message, seconds: lognormal with this median… */
  thinkTimeMedianSec: number;
  /** …and this 90th percentile. */
  thinkTimeP90Sec: number;
  /** Mean patience (exponential) waiting for a reply, seconds; past it the customer abandons. */
  patienceSec: number;
  /** Share of customers who are angry from the start (more get angry after bad answers). */
  angerShare: number;
  /** Share writing Chinese; the rest write English. */
  zhShare: number;
  /** Share that asks for a human in the first message. */
  humanFirstShare: number;
}

/** Facts from the seeded store that customers may mention (real order ids, product names). */
export interface CustomerFacts {
  orderIds: readonly string[];
  products: readonly { zh: string; en: string }[];
}
