// A validated scenario: every default filled in, every local time resolved to epoch ms in its zone.
import type { IntentId, Queue } from '../../server/bot/types.ts';
import type { CustomerBehaviour } from '../customers/types.ts';
import type { CurveFunction, Interpolation, StaffingInput } from './schema.ts';

export interface CurvePoint {
  /** As written by the author. */
  at: string;
  /** Scenario time, epoch ms. */
  atMs: number;
  /** New conversations per minute at real scale. */
  perMin: number;
  /** From this point to the next. */
  interpolation: Interpolation;
}

/** New conversations per minute at real scale; flat before the first point and after the last. */
export type Curve =
  | { kind: 'points'; points: readonly CurvePoint[] }
  | { kind: 'function'; perMinAt: CurveFunction; maxPerMin: number; startMs: number };

/** What holds during a stretch of the span: who asks about what, and how customers behave. */
export interface PhaseSettings {
  name: string;
  /** Relative weights over every intent (sum > 0). */
  mix: Readonly<Record<IntentId, number>>;
  behaviour: Readonly<CustomerBehaviour>;
}

export interface Phase extends PhaseSettings {
  from: string;
  to: string;
  /** [fromMs, toMs), epoch ms. */
  fromMs: number;
  toMs: number;
}

export interface RunDefaults {
  speed?: number | undefined;
  scale?: number | undefined;
  window?: string | undefined;
}

export interface Scenario {
  name: string;
  description: string;
  /** IANA zone of every local time. */
  timezone: string;
  /** [startMs, endMs), epoch ms; start/end as local date-times. */
  span: { start: string; end: string; startMs: number; endMs: number };
  curve: Curve;
  /** Settings outside every declared phase. */
  base: PhaseSettings;
  /** Sorted by time, not overlapping. */
  phases: readonly Phase[];
  botResolution: Readonly<Record<IntentId, number>>;
  staffing: Readonly<Record<Queue, StaffingInput>>;
  run: RunDefaults;
}
