// `npm run eval:intents` trains on the corpus and scores the held-out file (aggregates only, never the texts).
// `npm run eval:dev [-- --errors]` scores the dev set instead (`--set dev`), whose misclassified texts `--errors` lists;
// the dev set is for finding kinds of failure, the held-out file for the one final figure. `--set dev2` scores a second
// dev set, written later and independently of the first, to check that what was tuned on dev carries over (aggregates
// only, like held-out: its texts stay unread by whoever tunes). `--seeds N` prints the mean accuracy of N trainings
// (SGD seeds 1..N) instead, so that a change is judged against the ±0.4 points one training swings.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { trainClassifier } from './classifier.ts';
import { trainingExamples } from './corpus/training-set.ts';
import {
  formatIntentReport,
  formatMeanAccuracy,
  formatMisses,
  type IntentScore,
  readLabelled,
  scoreIntents,
} from './intent-report.ts';

const SETS = { heldout: 'heldout', dev: 'dev', dev2: 'dev2' } as const;

function usage(message: string): never {
  process.stderr.write(`eval-intents: ${message}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'heldout' },
    errors: { type: 'boolean', default: false },
    seeds: { type: 'string', default: '1' },
  },
});
const set = values.set as string;
if (!Object.hasOwn(SETS, set)) usage(`--set must be dev, dev2 or heldout, got ${set}`);
if (values.errors && set !== 'dev')
  usage('--errors lists texts, so only with --set dev (held-out and dev2 texts stay unread)');

const path = join(dirname(fileURLToPath(import.meta.url)), SETS[set as keyof typeof SETS], 'intents.jsonl');
if (!existsSync(path)) {
  process.stderr.write(`eval-intents: ${set} file not found: ${path}\n`);
  process.exit(1);
}
const seeds = Number(values.seeds);
if (!Number.isInteger(seeds) || seeds < 1) usage(`--seeds must be an integer >= 1, got ${values.seeds}`);
if (seeds > 1 && values.errors) usage("--errors lists one training's misses, so not with --seeds");
if (seeds > 1) {
  // Mean over SGD seeds 1..N (one training swings ±0.4 points), uncalibrated (the temperature does not change the
  // top intent): aggregates only, whatever the set.
  const rows = readLabelled(path);
  const examples = trainingExamples();
  const scores: IntentScore[] = [];
  for (let seed = 1; seed <= seeds; seed++)
    scores.push(scoreIntents(trainClassifier(examples, { seed, temperature: 1 }), rows));
  process.stdout.write(
    `${set} over ${seeds} trainings (SGD seeds 1-${seeds}): ${formatMeanAccuracy(scores)}\n`,
  );
  process.exit(0);
}
const t0 = performance.now();
const examples = trainingExamples();
const classifier = trainClassifier(examples);
const trainMs = performance.now() - t0;
const score = scoreIntents(classifier, readLabelled(path));
const out = [
  `trained on ${examples.length} examples in ${trainMs.toFixed(0)} ms, temperature ${classifier.temperature}`,
  `${set}: ${score.n} messages from ${path}`,
  ...formatIntentReport(score),
];
if (values.errors) out.push('', `misclassified (${score.misses.length}):`, ...formatMisses(score.misses));
process.stdout.write(`${out.join('\n')}\n`);
