import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierOf, MODEL_WEIGHTS } from './bot/classifier.ts';
import { corpusModel } from './bot/corpus-model.ts';
import { loadCorpusModel, MODEL_ENTRY_FILES, modelKey, modelSources } from './model-cache.ts';

const TEXTS = [
  '我的快递到哪了',
  '定金膨胀怎么算',
  'where is my parcel E2026111100000001',
  '转人工！！',
  'hello',
];

describe('model cache', () => {
  it('reaches every file the model is made of through the entry files’ imports', () => {
    const rel = modelSources().map((f) => f.slice(f.indexOf('/server/') + 1));
    for (const f of [
      'server/bot/classifier.ts',
      'server/bot/features.ts',
      'server/bot/normalize.ts',
      'server/bot/types.ts',
      'server/bot/calibration.ts',
      'server/bot/corpus/training-set.ts',
      'server/bot/corpus/zh.ts',
      'server/bot/corpus/en-concepts.ts',
      'server/data/products.ts',
    ]) {
      expect(rel).toContain(f);
    }
    // only what the model is made of: an edit to the dialogue or the store does not retrain it
    for (const f of rel)
      expect(f).not.toMatch(/\.test\.ts$|heldout|dev2?\/|dialogue|answers|server\/data\/store/);
    expect(MODEL_ENTRY_FILES.every((f) => existsSync(f))).toBe(true);
  });

  it('keys the model by its sources: a changed byte in any of them is another model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakdesk-key-'));
    const a = join(dir, 'a.ts');
    const b = join(dir, 'b.ts');
    writeFileSync(a, "import { x } from './b.ts';\nexport const y = x;\n");
    writeFileSync(b, 'export const x = 1;\n');
    expect(modelSources([a])).toEqual([a, b]);
    const before = modelKey(modelSources([a]));
    expect(modelKey(modelSources([a]))).toBe(before);
    writeFileSync(b, 'export const x = 2;\n');
    expect(modelKey(modelSources([a]))).not.toBe(before);
  });

  it('trains once, then loads the same weights, and a cut file is trained anew', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakdesk-model-'));
    let trainings = 0;
    const train = () => {
      trainings++;
      return corpusModel();
    };
    writeFileSync(join(dir, 'intent-model-0123456789abcdef0123.f32'), 'a model of older sources');
    writeFileSync(join(dir, 'notes.txt'), 'not ours');
    const first = loadCorpusModel(dir, train);
    expect(first.source).toBe('trained');
    // the older model is removed, other files are left alone
    expect(readdirSync(dir).sort()).toEqual([first.file.slice(dir.length + 1), 'notes.txt'].sort());
    expect(readFileSync(first.file).byteLength).toBe(MODEL_WEIGHTS * 4);
    const second = loadCorpusModel(dir, train);
    expect(second.source).toBe('cache');
    expect(trainings).toBe(1);
    expect(second.model.weights).toEqual(first.model.weights);
    expect(second.model.temperature).toBe(first.model.temperature);
    const fresh = classifierOf(first.model);
    const cached = classifierOf(second.model);
    for (const text of TEXTS) expect(cached.probabilities(text)).toEqual(fresh.probabilities(text));

    writeFileSync(first.file, readFileSync(first.file).subarray(0, 1000));
    const third = loadCorpusModel(dir, train);
    expect(third.source).toBe('trained');
    expect(trainings).toBe(2);
    expect(readFileSync(first.file).byteLength).toBe(MODEL_WEIGHTS * 4);
  }, 60_000);

  it('still answers when the cache cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakdesk-ro-'));
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    // a directory under a regular file cannot be created
    const out = loadCorpusModel(join(blocker, 'cache'), () => ({
      weights: new Float32Array(MODEL_WEIGHTS),
      temperature: 1,
    }));
    expect(out.source).toBe('trained');
    expect(out.model.weights.length).toBe(MODEL_WEIGHTS);
  });
});
