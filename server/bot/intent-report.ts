// Scores a classifier on a labelled message set and formats the report shared by the held-out and dev evaluations.
import { readFileSync } from 'node:fs';
import type { Classifier } from './classifier.ts';
import { INTENTS, type IntentId } from './types.ts';

export interface LabelledMessage {
  text: string;
  intent: IntentId;
  locale: string;
}

/** One misclassified message (only ever printed for the dev set). */
export interface Miss {
  text: string;
  locale: string;
  intent: IntentId;
  got: IntentId;
  confidence: number;
}

export interface IntentScore {
  n: number;
  ok: number;
  perLocale: Map<string, { n: number; ok: number }>;
  /** Per locale, per intent (INTENTS order): messages and correct ones. */
  recallByLocale: Map<string, { n: number[]; ok: number[] }>;
  /** confusion[true][predicted], INTENTS order. */
  confusion: number[][];
  /** Ten confidence bins of width 0.1: messages and correct ones. */
  binN: number[];
  binOk: number[];
  confSumRight: number;
  confSumWrong: number;
  misses: Miss[];
}

const KNOWN = new Set<string>(INTENTS);
const BINS = 10;

/** Parses JSONL lines of {"text","intent","locale"}; a bad line throws with its `source:line`. */
export function parseLabelled(jsonl: string, source: string): LabelledMessage[] {
  const rows: LabelledMessage[] = [];
  jsonl.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as LabelledMessage;
    if (typeof row.text !== 'string' || !KNOWN.has(row.intent) || typeof row.locale !== 'string')
      throw new Error(`${source}:${i + 1}: needs "text", a known "intent" and "locale"`);
    rows.push(row);
  });
  return rows;
}

export function readLabelled(path: string): LabelledMessage[] {
  return parseLabelled(readFileSync(path, 'utf8'), path);
}

export function scoreIntents(classifier: Classifier, rows: readonly LabelledMessage[]): IntentScore {
  const K = INTENTS.length;
  const index = new Map<string, number>(INTENTS.map((id, i) => [id, i]));
  const score: IntentScore = {
    n: rows.length,
    ok: 0,
    perLocale: new Map(),
    recallByLocale: new Map(),
    confusion: INTENTS.map(() => new Array<number>(K).fill(0)),
    binN: new Array<number>(BINS).fill(0),
    binOk: new Array<number>(BINS).fill(0),
    confSumRight: 0,
    confSumWrong: 0,
    misses: [],
  };
  for (const row of rows) {
    const got = classifier.classify(row.text);
    const t = index.get(row.intent) as number;
    const p = index.get(got.intent) as number;
    const right = t === p;
    const cm = score.confusion[t] as number[];
    cm[p] = (cm[p] as number) + 1;
    const byIntent = score.recallByLocale.get(row.locale) ?? {
      n: new Array<number>(K).fill(0),
      ok: new Array<number>(K).fill(0),
    };
    byIntent.n[t] = (byIntent.n[t] as number) + 1;
    if (right) byIntent.ok[t] = (byIntent.ok[t] as number) + 1;
    score.recallByLocale.set(row.locale, byIntent);
    const loc = score.perLocale.get(row.locale) ?? { n: 0, ok: 0 };
    loc.n++;
    score.perLocale.set(row.locale, loc);
    const bin = Math.min(BINS - 1, Math.floor(got.confidence * BINS));
    score.binN[bin] = (score.binN[bin] as number) + 1;
    if (right) {
      score.binOk[bin] = (score.binOk[bin] as number) + 1;
      loc.ok++;
      score.ok++;
      score.confSumRight += got.confidence;
    } else {
      score.confSumWrong += got.confidence;
      score.misses.push({
        text: row.text,
        locale: row.locale,
        intent: row.intent,
        got: got.intent,
        confidence: got.confidence,
      });
    }
  }
  return score;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Accuracy per locale and overall, calibration bins, per-intent precision/recall and the confusion matrix. */
export function formatIntentReport(score: IntentScore): string[] {
  const K = INTENTS.length;
  const out: string[] = [];
  for (const [locale, s] of [...score.perLocale].sort())
    out.push(`accuracy ${locale}: ${pct(s.ok / s.n)} (${s.ok}/${s.n})`);
  out.push(`accuracy all: ${pct(score.ok / Math.max(1, score.n))} (${score.ok}/${score.n})`);
  const wrong = score.n - score.ok;
  out.push(
    `mean confidence when right ${(score.confSumRight / Math.max(1, score.ok)).toFixed(3)}, when wrong ${(score.confSumWrong / Math.max(1, wrong)).toFixed(3)}`,
  );
  out.push('calibration (confidence bin: messages, accuracy):');
  for (let b = 0; b < BINS; b++) {
    const n = score.binN[b] as number;
    if (n === 0) continue;
    out.push(
      `  ${(b / BINS).toFixed(1)}–${((b + 1) / BINS).toFixed(1)}: ${String(n).padStart(4)}  ${pct((score.binOk[b] as number) / n)}`,
    );
  }
  out.push('');
  const locales = [...score.recallByLocale.keys()].sort();
  out.push(
    `${'intent'.padEnd(24)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)} ${'n'.padStart(5)}${locales.map((l) => ` ${`rec ${l}`.padStart(12)}`).join('')}`,
  );
  for (let i = 0; i < K; i++) {
    const row = score.confusion[i] as number[];
    const tp = row[i] as number;
    const actual = row.reduce((a, b) => a + b, 0);
    const predicted = score.confusion.reduce((a, r) => a + (r[i] as number), 0);
    const prec = predicted === 0 ? 0 : tp / predicted;
    const rec = actual === 0 ? 0 : tp / actual;
    const f1 = prec + rec === 0 ? 0 : (2 * prec * rec) / (prec + rec);
    out.push(
      `${(INTENTS[i] as string).padEnd(24)} ${prec.toFixed(3).padStart(6)} ${rec.toFixed(3).padStart(6)} ${f1.toFixed(3).padStart(6)} ${String(actual).padStart(5)}${locales
        .map((l) => {
          const r = score.recallByLocale.get(l) as { n: number[]; ok: number[] };
          const n = r.n[i] as number;
          return ` ${(n === 0 ? '-' : `${(((r.ok[i] as number) / n) * 100).toFixed(0)}% of ${n}`).padStart(12)}`;
        })
        .join('')}`,
    );
  }
  out.push('');
  out.push('confusion (rows = true, columns = predicted, in INTENTS order):');
  out.push(`${''.padEnd(24)} ${INTENTS.map((_, i) => String(i).padStart(3)).join('')}`);
  score.confusion.forEach((row, i) => {
    out.push(
      `${`${i} ${INTENTS[i]}`.padEnd(24)} ${row.map((c) => (c === 0 ? '  .' : String(c).padStart(3))).join('')}`,
    );
  });
  return out;
}

/** The misclassified messages, one a line: `locale intent → got (confidence): text`, grouped by true intent. */
export function formatMisses(misses: readonly Miss[]): string[] {
  return [...misses]
    .sort((a, b) => a.locale.localeCompare(b.locale) || INTENTS.indexOf(a.intent) - INTENTS.indexOf(b.intent))
    .map((m) => `${m.locale} ${m.intent} → ${m.got} (${m.confidence.toFixed(2)}): ${m.text}`);
}

/**
 * The mean accuracy of several trainings scored on one set, overall and per locale, then each training's overall
 * accuracy: `95.43% (zh-CN 96.12%, en-US 94.74%); runs 95.5 95.2 95.5 95.5`. Aggregates only, so fit for any set.
 */
export function formatMeanAccuracy(scores: readonly IntentScore[]): string {
  const runs = scores.map((s) => s.ok / s.n);
  const byLocale = new Map<string, number[]>();
  for (const score of scores)
    for (const [locale, s] of score.perLocale)
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), s.ok / s.n]);
  const pct = (a: readonly number[]): string =>
    `${((a.reduce((x, y) => x + y, 0) / a.length) * 100).toFixed(2)}%`;
  const locales = [...byLocale].map(([locale, a]) => `${locale} ${pct(a)}`).join(', ');
  return `${pct(runs)} (${locales}); runs ${runs.map((r) => (r * 100).toFixed(1)).join(' ')}`;
}
