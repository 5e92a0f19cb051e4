// A peakdesk scenario as the k6 export's input: the curve sampled over the replayed window, the intent
// mix weighted by traffic across its phases, and phrasebook lines with their slots filled (seeded).
import { resolve } from 'node:path';
import type { IntentId, Locale } from '../../server/bot/types.ts';
import { drawSlots } from '../customers/draw-slots.ts';
import { PHRASEBOOK } from '../customers/phrasebook/phrasebook.ts';
import { fillTemplate } from '../customers/slots.ts';
import { perMinAt } from '../scenario/curve.ts';
import { isBuiltinScenario, loadScenario } from '../scenario/load.ts';
import { resolveTimeline } from '../scenario/timeline.ts';
import type { Scenario } from '../scenario/types.ts';
import { createRng } from '../util/rng.ts';
import type { K6ExportInput } from './k6-script.ts';
import type { K6CurvePoint } from './k6-stages.ts';

export interface K6InputOptions {
  /** Part of the scenario to replay, as for `peakdesk run --window`. @default the scenario's own window or span */
  window?: string;
  /** Scenario seconds between curve samples (k6 ramps linearly between them). @default 60 */
  stepSec?: number;
  /** Language the customers write in. @default 'zh-CN' */
  locale?: Locale;
  /** Seed of the slot values filled into the phrases. @default 1 */
  seed?: number;
}

/** A step in the curve becomes a 1-second ramp (k6 stages are linear). */
const STEP_EDGE_MS = 1000;

export const k6InputDefaults = { stepSec: 60, locale: 'zh-CN', seed: 1 } as const;

function formatLocal(ms: number, timezone: string): string {
  const parts: Record<string, string> = {};
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  for (const p of f.formatToParts(ms)) parts[p.type] = p.value;
  const offset = (parts.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** The export input for a loaded scenario. */
export function k6InputFromScenario(scenario: Scenario, options: K6InputOptions = {}): K6ExportInput {
  const o = { ...k6InputDefaults, ...options };
  const timeline = resolveTimeline(scenario, o.window === undefined ? {} : { window: o.window });
  const startMs = timeline.startScenarioMs;
  const endMs = timeline.endScenarioMs;
  const stepMs = o.stepSec * 1000;
  const times = new Set<number>();
  for (let ms = startMs; ms < endMs; ms += stepMs) times.add(ms);
  times.add(endMs);
  if (scenario.curve.kind === 'points') {
    const pts = scenario.curve.points;
    pts.forEach((p, i) => {
      if (p.atMs > startMs && p.atMs < endMs) times.add(p.atMs);
      const next = pts[i + 1];
      const holdUntil = next === undefined ? undefined : next.atMs - STEP_EDGE_MS;
      if (
        p.interpolation === 'step' &&
        holdUntil !== undefined &&
        holdUntil > Math.max(startMs, p.atMs) &&
        holdUntil < endMs
      )
        times.add(holdUntil);
    });
  }
  const sorted = [...times].sort((a, b) => a - b);
  const curve: K6CurvePoint[] = sorted.map((ms) => ({
    atSec: (ms - startMs) / 1000,
    perMin: Math.round(perMinAt(scenario.curve, ms) * 1000) / 1000,
  }));
  const mix: Record<string, number> = {};
  sorted.slice(0, -1).forEach((ms, i) => {
    const weight = ((curve[i]!.perMin + curve[i + 1]!.perMin) / 2) * (sorted[i + 1]! - ms);
    const phase = scenario.phases.find((p) => p.fromMs <= ms && ms < p.toMs) ?? scenario.base;
    const total = Object.values(phase.mix).reduce((n, w) => n + w, 0);
    for (const [intent, w] of Object.entries(phase.mix))
      mix[intent] = (mix[intent] ?? 0) + (weight * w) / total;
  });
  const rng = createRng(o.seed);
  const phrases: Record<string, string[]> = {};
  const followUps: Record<string, string[]> = {};
  for (const intent of Object.keys(mix) as IntentId[]) {
    const book = PHRASEBOOK[intent];
    const fill = (t: string): string =>
      fillTemplate(t, drawSlots(rng, { orderIds: [], products: [] }, o.locale));
    phrases[intent] = book.opening[o.locale].map(fill);
    followUps[intent] = book.followUp[o.locale].map(fill);
  }
  const total = Object.values(mix).reduce((n, w) => n + w, 0);
  const intentMix = Object.fromEntries(
    Object.entries(mix).map(([i, w]) => [i, total === 0 ? 0 : Math.round((w / total) * 1e6) / 1e6]),
  );
  return {
    name: scenario.name,
    start: formatLocal(startMs, scenario.timezone),
    curve,
    intentMix,
    phrases,
    followUps,
  };
}

/** `export k6`'s default loader: a built-in scenario name or a scenario file. */
export async function loadK6Input(nameOrPath: string, options: K6InputOptions = {}): Promise<K6ExportInput> {
  const ref = isBuiltinScenario(nameOrPath) ? nameOrPath : resolve(nameOrPath);
  return { ...k6InputFromScenario(await loadScenario(nameOrPath), options), ref };
}
