import { describe, expect, it } from 'vitest';
import { createFeatureBuffer, extractFeatures } from './features.ts';
import { createNormBuffer, normalizeInto } from './normalize.ts';

function features(text: string): number[] {
  const f = extractFeatures(normalizeInto(text, createNormBuffer()), createFeatureBuffer());
  return [...f.ids.slice(0, f.length)];
}

describe('extractFeatures', () => {
  it('gives a bias, token unigrams and bigrams, 4-grams of words of 3+ letters, and the message start and end', () => {
    expect(features('')).toEqual([0]);
    expect(features('。')).toEqual([0]);
    expect(features('我要')).toHaveLength(1 + 2 + 1 + 2);
    expect(features('ab cd')).toHaveLength(1 + 2 + 1 + 2);
    expect(features('abc')).toHaveLength(1 + 2 + 1 + 2);
    expect(features('abcd')).toHaveLength(1 + 3 + 1 + 2);
  });

  it('pairs the first token with the message start and the last with its end, once per message', () => {
    const [, hi, hiStart, hiEnd] = features('hi');
    expect(new Set([hi, hiStart, hiEnd]).size).toBe(3);
    const [, ok, okStart, okEnd] = features('ok');
    expect(features('hi ok')).toEqual([0, hi, hiStart, ok, expect.any(Number), okEnd]);
    expect(features('ok hi')).toEqual([0, ok, okStart, hi, expect.any(Number), hiEnd]);
    expect(features('hi, ok!')).toEqual([0, hi, hiStart, ok, okEnd]);
  });

  it('folds chat spellings onto the word token', () => {
    const you = features('you');
    expect(features('u')).toEqual([0, ...you.slice(-3)]);
    const thx = features('thx');
    const thanks = features('thanks');
    expect(thx.slice(-3)).toEqual(thanks.slice(-3));
    expect(thx).toHaveLength(1 + 2 + 1 + 2);
    expect(thanks).toHaveLength(1 + 5 + 1 + 2);
  });

  it('breaks bigrams at punctuation but not at spaces', () => {
    expect(features('我，要')).toHaveLength(1 + 2 + 2);
    expect(features('我 要')).toHaveLength(1 + 2 + 1 + 2);
  });

  it('adds one shared feature for each anger word and each other marketplace, in either language', () => {
    const garbage = features('garbage');
    expect(garbage).toHaveLength(1 + 6 + 1 + 1 + 2);
    const anger = garbage[garbage.length - 4];
    const liars = features('liars');
    expect(liars).toHaveLength(1 + 4 + 1 + 1 + 2);
    expect(liars[liars.length - 4]).toBe(anger);
    expect(features('骗子')).toHaveLength(1 + 2 + 1 + 1 + 2);
    expect(features('骗子')).toContain(anger);
    const ebay = features('ebay');
    const elsewhere = ebay[ebay.length - 4];
    expect(elsewhere).not.toBe(anger);
    expect(features('temu')).toContain(elsewhere);
    expect(features('拼多多')).toContain(elsewhere);
    expect(features('garden')).toHaveLength(1 + 5 + 1 + 2);
    expect(features('谢谢')).toHaveLength(1 + 2 + 1 + 2);
  });
});
