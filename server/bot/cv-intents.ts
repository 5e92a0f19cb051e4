// Group-wise k-fold cross-validation of the intent classifier on the training corpus (never the held-out file):
// `node bin/run-ts.js server/bot/cv-intents.ts [--folds 5] [--seed 0] [--epochs N] [--lr X] [--variants 12] [--worst 12]
// [--bare] [--show 'en other'] [--first N]` (--bare scores only each phrasing as written, without its augmented variants; --show prints the missed corpus lines whose 'locale intent → got' starts so;
// --first scores only the first N phrasings, which later corpus files leave in place, so runs before and after adding phrasings score the same ones).
// Every variant of one hand-written phrasing falls in the same fold, so a fold scores phrasings the model never saw.
import { parseArgs } from 'node:util';
import { type Example, type TrainOptions, trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { INTENTS, type IntentId } from './types.ts';

const { values } = parseArgs({
  options: {
    folds: { type: 'string', default: '5' },
    epochs: { type: 'string' },
    lr: { type: 'string' },
    variants: { type: 'string', default: '12' },
    worst: { type: 'string', default: '12' },
    seed: { type: 'string', default: '0' },
    show: { type: 'string' },
    bare: { type: 'boolean', default: false },
    first: { type: 'string' },
  },
});
const first = values.first === undefined ? Number.POSITIVE_INFINITY : Number(values.first);
if (!(first > 0)) throw new RangeError(`--first must be > 0, got ${values.first}`);
const folds = Number(values.folds);
if (!Number.isInteger(folds) || folds < 2)
  throw new RangeError(`--folds must be an integer >= 2, got ${values.folds}`);
const options: TrainOptions = { validationShare: 0 };
if (values.epochs !== undefined) options.epochs = Number(values.epochs);
if (values.lr !== undefined) options.learningRate = Number(values.lr);

function foldOf(group: number): number {
  return (Math.imul(group ^ (0x5bd1e995 + Number(values.seed)), 0x27d4eb2d) >>> 0) % folds;
}

// Scored on the 4-variant expansion whatever --variants trains on, so runs with different training sets compare.
const examples = trainingExamples(7, 4);
const trainPool = trainingExamples(7, Number(values.variants));
const K = INTENTS.length;
const index = new Map<IntentId, number>(INTENTS.map((id, i) => [id, i]));
const stats = new Map<string, { n: number[]; ok: number[] }>();
const confusions = new Map<string, number>();
const missed: string[] = [];
let trainMs = 0;
for (let f = 0; f < folds; f++) {
  const train: Example[] = [];
  const test: Example[] = [];
  let lastGroup = -1;
  for (const ex of examples) {
    const isFirst = ex.group !== lastGroup;
    lastGroup = ex.group ?? -1;
    if (
      foldOf(ex.group ?? 0) === f &&
      (isFirst || !values.bare) &&
      ex.ambiguous !== true &&
      (ex.group ?? 0) <= first
    )
      test.push(ex);
  }
  for (const ex of trainPool) if (foldOf(ex.group ?? 0) !== f) train.push(ex);
  const t0 = performance.now();
  const c = trainClassifier(train, options);
  trainMs += performance.now() - t0;
  for (const ex of test) {
    const loc = ex.locale ?? '?';
    const s = stats.get(loc) ?? { n: new Array<number>(K).fill(0), ok: new Array<number>(K).fill(0) };
    const t = index.get(ex.intent) as number;
    const got = c.classify(ex.text).intent;
    s.n[t] = (s.n[t] as number) + 1;
    if (got === ex.intent) s.ok[t] = (s.ok[t] as number) + 1;
    else {
      const key = `${loc} ${ex.intent} → ${got}`;
      if (values.show !== undefined && key.startsWith(values.show)) missed.push(`${key}: ${ex.text}`);
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    stats.set(loc, s);
  }
}

const pct = (ok: number, n: number): string => `${((ok / Math.max(1, n)) * 100).toFixed(1)}%`;
const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
const out: string[] = [];
let allOk = 0;
let allN = 0;
for (const [loc, s] of [...stats].sort()) {
  allOk += sum(s.ok);
  allN += sum(s.n);
  out.push(`accuracy ${loc}: ${pct(sum(s.ok), sum(s.n))}`);
}
out.unshift(
  `${folds}-fold CV scoring ${allN} ${values.bare ? 'phrasings as written' : 'examples'} (training on ${trainPool.length}), mean fit ${(trainMs / folds).toFixed(0)} ms (one fit, no calibration)`,
);
out.push(`accuracy all: ${pct(allOk, allN)}`);
const recalls: [string, number][] = [];
for (const [loc, s] of stats)
  for (let k = 0; k < K; k++)
    recalls.push([`${loc} ${INTENTS[k]}`, (s.ok[k] as number) / Math.max(1, s.n[k] as number)]);
recalls.sort((a, b) => a[1] - b[1]);
const worst = Number(values.worst);
out.push(
  `weakest recalls: ${recalls
    .slice(0, worst)
    .map(([k, r]) => `${k} ${(r * 100).toFixed(0)}%`)
    .join(', ')}`,
);
out.push(
  `top confusions: ${[...confusions]
    .sort((a, b) => b[1] - a[1])
    .slice(0, worst)
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ')}`,
);
out.push(...missed);
process.stdout.write(`${out.join('\n')}\n`);
