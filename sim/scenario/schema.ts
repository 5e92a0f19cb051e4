// The shape of a scenario as authors write it (TypeScript or JSON), checked by zod. Time semantics
// (points inside the span, phases not overlapping) are checked afterwards in define.ts.
import { z } from 'zod';
import { INTENTS, type IntentId, QUEUES } from '../../server/bot/types.ts';
import { DATE_PATTERN, LOCAL_TIME_PATTERN } from './local-time.ts';

const LOCAL_TIME_RULE = 'must look like HH:MM, HH:MM:SS or YYYY-MM-DDTHH:MM[:SS]';
const DATE_TIME_RULE = 'must look like YYYY-MM-DDTHH:MM[:SS]';
const DATED_TIME = /^\d{4}-\d{2}-\d{2}T/;

const localTime = z.string().regex(LOCAL_TIME_PATTERN, { error: LOCAL_TIME_RULE });
const dateTime = z.string().refine((v) => LOCAL_TIME_PATTERN.test(v) && DATED_TIME.test(v), {
  error: DATE_TIME_RULE,
});
const share = z.number().min(0).max(1);
const positive = z.number().positive();

export const interpolationSchema = z.enum(['linear', 'step']);
export type Interpolation = z.infer<typeof interpolationSchema>;

export const curvePointSchema = z.strictObject({
  /** Local time; a bare HH:MM is its first occurrence after the previous point (at or after the span start for the first). */
  at: localTime,
  /** New conversations per minute at real scale. */
  perMin: z.number().min(0),
  /** How the rate goes from this point to the next; @default the curve's interpolation */
  interpolation: interpolationSchema.optional(),
});

/** A curve as a function of scenario time: minutes since the span start → new conversations per minute at real scale. */
export type CurveFunction = (minutesFromStart: number) => number;

const pointsCurveSchema = z.strictObject({
  /** @default 'linear' */
  interpolation: interpolationSchema.optional(),
  points: z.array(curvePointSchema).min(1),
});

const functionCurveSchema = z.strictObject({
  perMinAt: z.custom<CurveFunction>((v) => typeof v === 'function', { error: 'must be a function' }),
  /** An upper bound of perMinAt over the span (thinning draws candidates at this rate). */
  maxPerMin: positive,
});

export const curveSchema = z.union([pointsCurveSchema, functionCurveSchema], {
  error: 'must be { points: [...] } or { perMinAt: (minute) => perMin, maxPerMin }',
});

const intentWeights = z.partialRecord(z.enum(INTENTS), z.number().min(0));

export const behaviourSchema = z.strictObject({
  turnsMean: z.number().min(1),
  maxTurns: z.number().int().min(1),
  thinkTimeMedianSec: positive,
  thinkTimeP90Sec: positive,
  patienceSec: positive,
  angerShare: share,
  zhShare: share,
  humanFirstShare: share,
});

export const phaseSchema = z.strictObject({
  name: z.string().min(1),
  /** Local time; a bare HH:MM is its first occurrence at or after the span start. */
  from: localTime,
  /** Local time; a bare HH:MM is its first occurrence after `from`. */
  to: localTime,
  /** Weights that replace the scenario's weights for these intents during the phase. */
  mix: intentWeights.optional(),
  /** Behaviour fields that replace the scenario's during the phase. */
  behaviour: behaviourSchema.partial().optional(),
});

export const staffingSchema = z.strictObject({
  /** Average handle time of one chat, seconds. */
  ahtSec: positive,
  /** AHT in seconds when an agent holds k chats at once, index k-1; one entry per level 1..concurrency. */
  ahtByConcurrency: z.array(positive).min(1).optional(),
  /** Chats one agent handles at once. */
  concurrency: z.number().int().min(1),
  /** Service level: `percent` % answered within `seconds`. */
  target: z.strictObject({ percent: z.number().gt(0).max(100), seconds: z.number().min(0) }),
  /** Mean patience in the queue, seconds (switches the staffing model to Erlang A). */
  patienceSec: positive.optional(),
  /** Share of paid time agents are not available (breaks, training). */
  shrinkage: z.number().min(0).lt(1),
  /** Highest occupancy the plan accepts. */
  maxOccupancy: z.number().gt(0).max(1),
});
export type StaffingInput = z.infer<typeof staffingSchema>;

const spanSchema = z.union(
  [
    z.string().regex(DATE_PATTERN, { error: 'must be a date YYYY-MM-DD or { start, end }' }),
    z.strictObject({ start: dateTime, end: dateTime }),
  ],
  { error: 'must be a date YYYY-MM-DD or { start, end } local date-times' },
);

export const runDefaultsSchema = z.strictObject({
  speed: positive.optional(),
  scale: z.number().gt(0).max(1).optional(),
  window: z.string().optional(),
});

export const scenarioInputSchema = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: 'must be lower-case letters, digits, ".", "_" or "-"' }),
  description: z.string().min(1),
  /** IANA zone of all local times. @default 'Asia/Shanghai' */
  timezone: z.string().optional(),
  /** One day ("2026-11-11": 00:00 to 24:00) or local date-times { start, end }, end exclusive. */
  span: spanSchema,
  curve: curveSchema,
  /** Intent weights (relative, normalised when drawing) merged over DEFAULT_MIX. */
  mix: intentWeights.optional(),
  /** Name of the phase outside every declared phase. @default 'base' */
  basePhase: z.string().min(1).optional(),
  phases: z.array(phaseSchema).optional(),
  /** Merged over DEFAULT_BEHAVIOUR. */
  behaviour: behaviourSchema.partial().optional(),
  /** Share of conversations of each intent the bot resolves, merged over DEFAULT_BOT_RESOLUTION. */
  botResolution: z.partialRecord(z.enum(INTENTS), share).optional(),
  /** Per queue, merged field by field over DEFAULT_STAFFING. */
  staffing: z.partialRecord(z.enum(QUEUES), staffingSchema.partial()).optional(),
  /** Run options used when the command line gives none. */
  run: runDefaultsSchema.optional(),
});

/** What a scenario author writes. */
export type ScenarioInput = z.input<typeof scenarioInputSchema>;
export type IntentWeights = Partial<Record<IntentId, number>>;
