// Bench workload: conversations arrive evenly at `convPerSec`; each sends `turns` messages `thinkMs`
// apart (after each reply) and ends resolved. Steady message rate ≈ convPerSec × turns.
import type { CustomerStep, PlannedArrival, SimCustomer, Workload } from '../../sim/engine/workload.ts';

export interface SteadySpec {
  convPerSec: number;
  turns: number;
  thinkMs: number;
  durationMs: number;
  /** Messages cycle through these texts (real customer phrasing makes the bot do real work). */
  texts: string[];
}

/**
 * One customer: its methods on the prototype, so a conversation costs one small object (closures made
 * per customer each got a property array from the tsx transform's naming, and lived as long as the
 * conversation: what the driver's scavenges had to copy).
 */
export class SteadyCustomer implements SimCustomer {
  private said = 1;

  constructor(
    private readonly spec: SteadySpec,
    private readonly seq: number,
  ) {}

  private text(i: number): string {
    return this.spec.texts[(this.seq + i) % this.spec.texts.length] as string;
  }

  first(): { text: string; locale: 'zh-CN' } {
    return { text: this.text(0), locale: 'zh-CN' };
  }

  onReply(): CustomerStep {
    if (this.said >= this.spec.turns) return { kind: 'end', reason: 'resolved' };
    this.said++;
    return { kind: 'say', text: this.text(this.said), thinkMs: this.spec.thinkMs };
  }

  patienceMs(): number {
    return 60_000;
  }
}

export function createWorkload(spec: SteadySpec): Workload {
  const everyMs = 1000 / spec.convPerSec;
  const count = Math.floor(spec.durationMs / everyMs);
  return {
    endPlanMs: spec.durationMs,
    speed: 1,
    arrivals(from, to): PlannedArrival[] {
      const out: PlannedArrival[] = [];
      for (let seq = Math.ceil(from / everyMs); seq * everyMs < to && seq < count; seq++) {
        out.push({ seq, planMs: seq * everyMs, intent: 'logistics.track', phase: 'bench' });
      }
      return out;
    },
    customer: (arrival) => new SteadyCustomer(spec, arrival.seq),
  };
}
