// `npm install` (the `prepare` script) and `node bin/run-ts.js server/build-model.ts`: trains the corpus model into
// the model cache (server/model-cache.ts), so that servers start without training. Safe to run again: a model whose
// sources have not changed is only loaded.
import { loadCorpusModel } from './model-cache.ts';

const t0 = performance.now();
const { source, file } = loadCorpusModel();
const ms = (performance.now() - t0).toFixed(0);
process.stdout.write(
  `peakdesk: intent model ${source === 'cache' ? 'already built' : 'built'} in ${ms} ms: ${file}\n`,
);
