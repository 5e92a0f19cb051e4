// `npm run eval:intents`: trains on the corpus and scores the held-out file (aggregates only, never the texts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { INTENTS, type IntentId } from './types.ts';

const HELDOUT = join(dirname(fileURLToPath(import.meta.url)), 'heldout', 'intents.jsonl');

interface Row {
  text: string;
  intent: IntentId;
  locale: string;
}

function readHeldout(path: string): Row[] {
  if (!existsSync(path)) {
    process.stderr.write(`eval:intents: held-out file not found: ${path}\n`);
    process.exit(1);
  }
  const known = new Set<string>(INTENTS);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      const row = JSON.parse(line) as Row;
      if (typeof row.text !== 'string' || !known.has(row.intent)) {
        throw new Error(`${path}:${i + 1}: needs "text" and a known "intent"`);
      }
      return row;
    });
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const t0 = performance.now();
const classifier = trainClassifier(trainingExamples());
const trainMs = performance.now() - t0;
const rows = readHeldout(HELDOUT);
const K = INTENTS.length;
const index = new Map<string, number>(INTENTS.map((id, i) => [id, i]));
const confusion = INTENTS.map(() => new Array<number>(K).fill(0));
const perLocale = new Map<string, { n: number; ok: number }>();
const recallByLocale = new Map<string, { n: number[]; ok: number[] }>();
const BINS = 10;
const binN = new Array<number>(BINS).fill(0);
const binOk = new Array<number>(BINS).fill(0);
let confSumRight = 0;
let confSumWrong = 0;
let wrong = 0;
for (const row of rows) {
  const got = classifier.classify(row.text);
  const t = index.get(row.intent) as number;
  const p = index.get(got.intent) as number;
  (confusion[t] as number[])[p] = ((confusion[t] as number[])[p] as number) + 1;
  const byIntent = recallByLocale.get(row.locale) ?? {
    n: new Array<number>(K).fill(0),
    ok: new Array<number>(K).fill(0),
  };
  byIntent.n[t] = (byIntent.n[t] as number) + 1;
  if (t === p) byIntent.ok[t] = (byIntent.ok[t] as number) + 1;
  recallByLocale.set(row.locale, byIntent);
  const loc = perLocale.get(row.locale) ?? { n: 0, ok: 0 };
  loc.n++;
  const bin = Math.min(BINS - 1, Math.floor(got.confidence * BINS));
  binN[bin] = (binN[bin] as number) + 1;
  if (t === p) binOk[bin] = (binOk[bin] as number) + 1;
  if (t === p) {
    loc.ok++;
    confSumRight += got.confidence;
  } else {
    wrong++;
    confSumWrong += got.confidence;
  }
  perLocale.set(row.locale, loc);
}

const out: string[] = [];
out.push(
  `trained on ${trainingExamples().length} examples in ${trainMs.toFixed(0)} ms, temperature ${classifier.temperature}`,
);
out.push(`held-out: ${rows.length} messages from ${HELDOUT}`);
let ok = 0;
for (const [locale, s] of [...perLocale].sort()) {
  ok += s.ok;
  out.push(`accuracy ${locale}: ${pct(s.ok / s.n)} (${s.ok}/${s.n})`);
}
out.push(`accuracy all: ${pct(ok / rows.length)} (${ok}/${rows.length})`);
out.push(
  `mean confidence when right ${(confSumRight / Math.max(1, ok)).toFixed(3)}, when wrong ${(confSumWrong / Math.max(1, wrong)).toFixed(3)}`,
);
out.push('calibration (confidence bin: messages, accuracy):');
for (let b = 0; b < BINS; b++) {
  const n = binN[b] as number;
  if (n === 0) continue;
  out.push(
    `  ${(b / BINS).toFixed(1)}–${((b + 1) / BINS).toFixed(1)}: ${String(n).padStart(4)}  ${pct((binOk[b] as number) / n)}`,
  );
}
out.push('');
const locales = [...recallByLocale.keys()].sort();
out.push(
  `${'intent'.padEnd(24)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'f1'.padStart(6)} ${'n'.padStart(5)}${locales.map((l) => ` ${`rec ${l}`.padStart(12)}`).join('')}`,
);
for (let i = 0; i < K; i++) {
  const tp = (confusion[i] as number[])[i] as number;
  const actual = (confusion[i] as number[]).reduce((a, b) => a + b, 0);
  const predicted = confusion.reduce((a, r) => a + (r[i] as number), 0);
  const prec = predicted === 0 ? 0 : tp / predicted;
  const rec = actual === 0 ? 0 : tp / actual;
  const f1 = prec + rec === 0 ? 0 : (2 * prec * rec) / (prec + rec);
  out.push(
    `${(INTENTS[i] as string).padEnd(24)} ${prec.toFixed(3).padStart(6)} ${rec.toFixed(3).padStart(6)} ${f1.toFixed(3).padStart(6)} ${String(actual).padStart(5)}${locales
      .map((l) => {
        const r = recallByLocale.get(l) as { n: number[]; ok: number[] };
        const n = r.n[i] as number;
        return ` ${(n === 0 ? '-' : `${(((r.ok[i] as number) / n) * 100).toFixed(0)}% of ${n}`).padStart(12)}`;
      })
      .join('')}`,
  );
}
out.push('');
out.push('confusion (rows = true, columns = predicted, in INTENTS order):');
out.push(`${''.padEnd(24)} ${INTENTS.map((_, i) => String(i).padStart(3)).join('')}`);
confusion.forEach((row, i) => {
  out.push(
    `${`${i} ${INTENTS[i]}`.padEnd(24)} ${row.map((c) => (c === 0 ? '  .' : String(c).padStart(3))).join('')}`,
  );
});
process.stdout.write(`${out.join('\n')}\n`);
