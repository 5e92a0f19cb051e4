// The corpus model, trained once and kept on disk: a server start loads the weights (~6 MB) instead of training
// for about a second per thread. `npm install` builds it (the `prepare` script: server/build-model.ts). The cache
// key hashes every source file the model depends on (the corpus, its expansion, normalisation, features, training:
// the local imports reachable from them) and the stored temperature, so an edit to any of them trains anew, never
// serves a stale model. Unreadable or short files are ignored; a failed write only costs the next start a training.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_TEMPERATURE } from './bot/calibration.ts';
import { MODEL_WEIGHTS, type TrainedModel } from './bot/classifier.ts';
import { corpusModel } from './bot/corpus-model.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** What the corpus model is made of: the files these import, transitively, are hashed into the key. */
export const MODEL_ENTRY_FILES = [join(HERE, 'bot/corpus-model.ts')];

const LOCAL_IMPORT = /^\s*(?:import|export)\b[^'"]*?(?:from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** The local source files `entries` reach through static relative imports, with their texts (each read once). */
function readSources(entries: readonly string[]): Map<string, string> {
  const texts = new Map<string, string>();
  const queue = [...entries];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (texts.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    texts.set(file, text);
    for (const m of text.matchAll(LOCAL_IMPORT)) {
      const target = resolve(dirname(file), m[1] as string);
      if (existsSync(target)) queue.push(target);
    }
  }
  return texts;
}

/**
 * The local source files `entries` reach through static relative imports (this code base imports nothing
 * else dynamically), sorted.
 */
export function modelSources(entries: readonly string[] = MODEL_ENTRY_FILES): string[] {
  return [...readSources(entries).keys()].sort();
}

/**
 * Hex key of the model that `entries` and what they import make (paths relative to the repo, contents, temperature,
 * weights).
 */
export function modelKey(entries: readonly string[] = MODEL_ENTRY_FILES): string {
  const root = resolve(HERE, '..');
  const texts = readSources(entries);
  const hash = createHash('sha256');
  hash.update(`weights ${MODEL_WEIGHTS} temperature ${CORPUS_TEMPERATURE}\n`);
  for (const file of [...texts.keys()].sort()) {
    hash.update(`${file.slice(root.length)}\n`);
    hash.update(texts.get(file) as string);
  }
  return hash.digest('hex').slice(0, 20);
}

/** `PEAKDESK_MODEL_CACHE`, else node_modules/.cache/peakdesk of the repo (where build tools keep their caches). */
export function modelCacheDir(): string {
  return process.env.PEAKDESK_MODEL_CACHE ?? resolve(HERE, '../node_modules/.cache/peakdesk');
}

export interface CachedModel {
  model: TrainedModel;
  /** Loaded from `file`, or trained (and written there, unless writing failed). */
  source: 'cache' | 'trained';
  file: string;
}

/** The corpus model from the cache, or trained and then cached. */
export function loadCorpusModel(
  dir: string = modelCacheDir(),
  train: () => TrainedModel = corpusModel,
): CachedModel {
  const file = join(dir, `intent-model-${modelKey()}.f32`);
  try {
    const bytes = readFileSync(file);
    if (bytes.byteLength === MODEL_WEIGHTS * 4) {
      const weights = new Float32Array(MODEL_WEIGHTS);
      new Uint8Array(weights.buffer).set(bytes);
      return { model: { weights, temperature: CORPUS_TEMPERATURE }, source: 'cache', file };
    }
  } catch {
    // not cached yet (or unreadable): trained below
  }
  const model = train();
  try {
    mkdirSync(dir, { recursive: true });
    // written whole under another name, then renamed: threads starting together never read half a file
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(
      tmp,
      new Uint8Array(model.weights.buffer, model.weights.byteOffset, model.weights.byteLength),
    );
    renameSync(tmp, file);
    // models of older sources are never loaded again
    for (const old of readdirSync(dir))
      if (/^intent-model-[0-9a-f]+\.f32$/.test(old) && join(dir, old) !== file)
        rmSync(join(dir, old), { force: true });
  } catch {
    // a read-only checkout: every start trains, as without the cache
  }
  return { model, source: 'trained', file };
}

/** For createBrain's `model` option. */
export const cachedCorpusModel = (): TrainedModel => loadCorpusModel().model;
