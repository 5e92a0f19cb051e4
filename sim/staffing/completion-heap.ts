/**
 * The agent pools' binary min-heap of chat completion times, each with the agent finishing it, in
 * typed arrays sized once (no per-event allocation on the DES hot path).
 */
export class CompletionHeap {
  private readonly times: Float64Array;
  private readonly agents: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.times = new Float64Array(capacity);
    this.agents = new Int32Array(capacity);
  }

  /** The earliest completion time; only valid while size > 0. */
  topTime(): number {
    return this.times[0] as number;
  }

  push(t: number, agent: number): void {
    const times = this.times;
    const agents = this.agents;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt <= t) break;
      times[i] = pt;
      agents[i] = agents[parent] as number;
      i = parent;
    }
    times[i] = t;
    agents[i] = agent;
  }

  /** Removes the earliest completion and returns its agent. */
  popAgent(): number {
    const times = this.times;
    const agents = this.agents;
    const top = agents[0] as number;
    const n = --this.size;
    const lastT = times[n] as number;
    const lastA = agents[n] as number;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (times[r] as number) < (times[l] as number) ? r : l;
      if ((times[c] as number) >= lastT) break;
      times[i] = times[c] as number;
      agents[i] = agents[c] as number;
      i = c;
    }
    times[i] = lastT;
    agents[i] = lastA;
    return top;
  }
}
