import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/util/rng.ts';
import { INTENTS } from '../types.ts';
import { CORPUS_STAGES, dropOne, trainingExamples } from './training-set.ts';

const LANGS = {
  zh: CORPUS_STAGES.flatMap((stage) => stage.zh),
  en: CORPUS_STAGES.flatMap((stage) => stage.en),
};

describe('the intent corpus', () => {
  it.each(Object.entries(LANGS))('%s has at least 60 phrasings per intent, none repeated', (_lang, parts) => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const intent of INTENTS) {
      const phrasings = parts.flatMap((p) => [...(p[intent] ?? [])]);
      expect(phrasings.length, intent).toBeGreaterThanOrEqual(60);
      for (const t of phrasings) {
        const key = t.toLowerCase().trim();
        const was = seen.get(key);
        if (was !== undefined) repeated.push(`${t} (${was}, ${intent})`);
        seen.set(key, intent);
      }
    }
    expect(repeated).toEqual([]);
  });

  it('expands every phrasing of every corpus file into 12 variants, plus bare order ids under 9 intents, the same for the same seed', () => {
    const phrasings = Object.values(LANGS)
      .flat()
      .reduce((n, p) => n + INTENTS.reduce((m, i) => m + (p[i]?.length ?? 0), 0), 0);
    const examples = trainingExamples();
    expect(examples).toHaveLength(12 * phrasings + 9 * 10);
    expect(examples.filter((e) => e.ambiguous === true)).toHaveLength(9 * 10);
    expect(trainingExamples().map((e) => e.text)).toEqual(examples.map((e) => e.text));
  });

  it('leaves out one word or Chinese character, keeping texts of fewer than 4 whole', () => {
    const rng = createRng(3);
    expect(dropOne('where is my parcel now', rng, 'en')).toBe('where is parcel now');
    expect(dropOne('where is my parcel now', rng, 'en')).toBe('where is my now');
    expect(dropOne('hi there you', rng, 'en')).toBe('hi there you');
    expect(dropOne('我的快递到哪了', rng, 'zh')).toBe('我的快到哪了');
    expect(dropOne('亲，我的快递到哪了 E2026', rng, 'zh')).toBe('亲，我快递到哪了 E2026');
    expect(dropOne('在吗?', rng, 'zh')).toBe('在吗?');
  });
});
