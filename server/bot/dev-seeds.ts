// Dev-set accuracy over 6 trainings (corpus fill seeds 7/11/13 x SGD seeds 1/2), so that a change is judged against the
// spread of ±0.4 points one training has: `node bin/run-ts.js server/bot/dev-seeds.ts [--variants 12] [--worst 20]`.
// Reads only the dev set (never held-out or dev2) and prints aggregates plus the intents missed most on average.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import { readLabelled, scoreIntents } from './intent-report.ts';

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
const runs: number[] = [];
const byLocale = new Map<string, number[]>();
const missed = new Map<string, number>();
for (const fillSeed of [7, 11, 13])
  for (const seed of [1, 2]) {
    const score = scoreIntents(trainClassifier(trainingExamples(fillSeed, variants), { seed }), rows);
    runs.push(score.ok / score.n);
    for (const [locale, s] of score.perLocale)
      byLocale.set(locale, [...(byLocale.get(locale) ?? []), s.ok / s.n]);
    for (const m of score.misses)
      missed.set(`${m.locale} ${m.intent}`, (missed.get(`${m.locale} ${m.intent}`) ?? 0) + 1);
  }
const pct = (a: readonly number[]): string =>
  `${((a.reduce((x, y) => x + y, 0) / a.length) * 100).toFixed(2)}%`;
const locales = [...byLocale].map(([locale, a]) => `${locale} ${pct(a)}`).join(', ');
process.stdout.write(
  [
    `dev over ${runs.length} trainings: ${pct(runs)} (${locales}); runs ${runs.map((r) => (r * 100).toFixed(1)).join(' ')}`,
    `missed most (mean per training): ${[...missed]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(values.worst))
      .map(([k, n]) => `${k} ${(n / runs.length).toFixed(1)}`)
      .join(', ')}`,
  ].join('\n'),
);
process.stdout.write('\n');
