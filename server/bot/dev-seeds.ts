// Dev-set accuracy over 6 trainings (corpus fill seeds 7/11/13 x SGD seeds 1/2), so that a change is judged against the
// spread of ±0.4 points one training has: `node bin/run-ts.js server/bot/dev-seeds.ts [--variants 12] [--worst 20]`.
// Reads only the dev set (never held-out or dev2) and prints aggregates plus the intents missed most on average.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { formatMeanAccuracy, type IntentScore, readLabelled, scoreIntents } from './intent-report.ts';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: '12' },
    worst: { type: 'string', default: '20' },
  },
});
const variants = Number(values.variants);
if (!Number.isInteger(variants) || variants < 1)
  throw new RangeError(`--variants must be an integer >= 1, got ${values.variants}`);

const rows = readLabelled(join(dirname(fileURLToPath(import.meta.url)), 'dev', 'intents.jsonl'));
const scores: IntentScore[] = [];
const missed = new Map<string, number>();
for (const fillSeed of [7, 11, 13])
  for (const seed of [1, 2]) {
    // temperature given: no calibration fit (a second training); it does not change the top intent
    const examples = trainingExamples(fillSeed, variants);
    const score = scoreIntents(trainClassifier(examples, { seed, temperature: 1 }), rows);
    scores.push(score);
    for (const m of score.misses)
      missed.set(`${m.locale} ${m.intent}`, (missed.get(`${m.locale} ${m.intent}`) ?? 0) + 1);
  }
process.stdout.write(
  [
    `dev over ${scores.length} trainings: ${formatMeanAccuracy(scores)}`,
    `missed most (mean per training): ${[...missed]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(values.worst))
      .map(([k, n]) => `${k} ${(n / scores.length).toFixed(1)}`)
      .join(', ')}`,
  ].join('\n'),
);
process.stdout.write('\n');
