import { describe, expect, it } from 'vitest';
import { createFeatureBuffer, extractFeatures } from './features.ts';
import { createNormBuffer, normalizeInto } from './normalize.ts';

function features(text: string): number[] {
  const f = extractFeatures(normalizeInto(text, createNormBuffer()), createFeatureBuffer());
  return [...f.ids.slice(0, f.length)];
}

describe('extractFeatures', () => {
  it('gives a bias, token unigrams and bigrams, and 4-grams of words of 3+ letters', () => {
    expect(features('')).toEqual([0]);
    expect(features('我要')).toHaveLength(1 + 2 + 1);
    expect(features('ab cd')).toHaveLength(1 + 2 + 1);
    expect(features('abc')).toHaveLength(1 + 2 + 1);
    expect(features('abcd')).toHaveLength(1 + 3 + 1);
  });

  it('folds chat spellings onto the word token', () => {
    const you = features('you');
    expect(features('u')).toEqual([0, you[you.length - 1]]);
    const thx = features('thx');
    const thanks = features('thanks');
    expect(thx[thx.length - 1]).toBe(thanks[thanks.length - 1]);
    expect(thx).toHaveLength(1 + 2 + 1);
    expect(thanks).toHaveLength(1 + 5 + 1);
  });

  it('breaks bigrams at punctuation but not at spaces', () => {
    expect(features('我，要')).toHaveLength(1 + 2);
    expect(features('我 要')).toHaveLength(1 + 2 + 1);
  });
});
