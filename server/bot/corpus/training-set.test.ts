import { describe, expect, it } from 'vitest';
import { createRng } from '../../../sim/util/rng.ts';
import { INTENTS } from '../types.ts';
import { EN_CORPUS } from './en.ts';
import { EN_BOUNDARIES } from './en-boundaries.ts';
import { EN_CONCEPTS } from './en-concepts.ts';
import { EN_EXTRA } from './en-extra.ts';
import { EN_FLOWS } from './en-flows.ts';
import { EN_LEARNER } from './en-learner.ts';
import { EN_LONG } from './en-long.ts';
import { EN_MORE } from './en-more.ts';
import { EN_VOICES_AFTERSALE } from './en-voices-aftersale.ts';
import { EN_VOICES_CONTEXT } from './en-voices-context.ts';
import { EN_VOICES_ORDER } from './en-voices-order.ts';
import { EN_VOICES_PRESALE } from './en-voices-presale.ts';
import { EN_VOICES_WORLD } from './en-voices-world.ts';
import { dropOne, trainingExamples } from './training-set.ts';
import { ZH_CORPUS } from './zh.ts';
import { ZH_BOUNDARIES } from './zh-boundaries.ts';
import { ZH_CONCEPTS } from './zh-concepts.ts';
import { ZH_EXTRA } from './zh-extra.ts';
import { ZH_FLOWS } from './zh-flows.ts';
import { ZH_LONG } from './zh-long.ts';
import { ZH_MIXED } from './zh-mixed.ts';
import { ZH_MORE } from './zh-more.ts';
import { ZH_VOICES_AFTERSALE } from './zh-voices-aftersale.ts';
import { ZH_VOICES_CONTEXT } from './zh-voices-context.ts';
import { ZH_VOICES_ORDER } from './zh-voices-order.ts';
import { ZH_VOICES_PRESALE } from './zh-voices-presale.ts';
import { ZH_VOICES_REGIONAL } from './zh-voices-regional.ts';

const LANGS = {
  zh: [
    ZH_CORPUS,
    ZH_MORE,
    ZH_EXTRA,
    ZH_CONCEPTS,
    ZH_FLOWS,
    ZH_LONG,
    ZH_MIXED,
    ZH_BOUNDARIES,
    ZH_VOICES_PRESALE,
    ZH_VOICES_ORDER,
    ZH_VOICES_AFTERSALE,
    ZH_VOICES_REGIONAL,
    ZH_VOICES_CONTEXT,
  ],
  en: [
    EN_CORPUS,
    EN_MORE,
    EN_EXTRA,
    EN_CONCEPTS,
    EN_FLOWS,
    EN_LONG,
    EN_LEARNER,
    EN_BOUNDARIES,
    EN_VOICES_PRESALE,
    EN_VOICES_ORDER,
    EN_VOICES_AFTERSALE,
    EN_VOICES_WORLD,
    EN_VOICES_CONTEXT,
  ],
} as const;

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
