// Bench workload: conversations arrive evenly at `convPerSec`; each sends `turns` messages `thinkMs`
// apart (after each reply) and ends resolved. Steady message rate ≈ convPerSec × turns.
import type { PlannedArrival, SimCustomer, Workload } from '../../sim/engine/workload.ts';

export interface SteadySpec {
  convPerSec: number;
  turns: number;
  thinkMs: number;
  durationMs: number;
  /** Messages cycle through these texts (real customer phrasing makes the bot do real work). */
  texts: string[];
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
    customer(arrival): SimCustomer {
      let said = 1;
      const text = (i: number): string => spec.texts[(arrival.seq + i) % spec.texts.length] as string;
      return {
        first: () => ({ text: text(0), locale: 'zh-CN' }),
        onReply() {
          if (said >= spec.turns) return { kind: 'end', reason: 'resolved' };
          said++;
          return { kind: 'say', text: text(said), thinkMs: spec.thinkMs };
        },
        patienceMs: () => 60_000,
      };
    },
  };
}
