import { describe, expect, it } from 'vitest';
import type { Classifier } from '../server/bot/classifier.ts';
import { classifyRate, RATE_MESSAGES } from './classify-rate.ts';

function countingClassifier(confidence = 0.9): Classifier & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    temperature: 1,
    classify(text: string) {
      seen.push(text);
      return { intent: 'greeting', confidence };
    },
    probabilities: () => new Float64Array(0),
  };
}

describe('classifyRate', () => {
  it('warms up on 20,000 messages, then classifies the mix in order, perRun a run', () => {
    const c = countingClassifier();
    const rate = classifyRate(c, 3, 1_000);
    expect(c.seen).toHaveLength(23_000);
    expect(c.seen.slice(20_000, 20_000 + RATE_MESSAGES.length)).toEqual(RATE_MESSAGES);
    expect(rate.perRun).toBe(1_000);
    expect(rate.perSec).toHaveLength(3);
    expect(rate.medianPerSec).toBe([...rate.perSec].sort((a, b) => a - b)[1]);
    for (const r of rate.perSec) expect(r).toBeGreaterThan(0);
  });

  it('refuses a classifier whose confidence is NaN', () => {
    expect(() => classifyRate(countingClassifier(Number.NaN), 1, 10)).toThrow(
      'a classification gave a NaN confidence',
    );
  });
});
