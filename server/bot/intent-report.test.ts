import { describe, expect, it } from 'vitest';
import type { Classification, Classifier } from './classifier.ts';
import {
  formatIntentReport,
  formatMeanAccuracy,
  formatMisses,
  parseLabelled,
  scoreIntents,
} from './intent-report.ts';
import { INTENTS, type IntentId } from './types.ts';

/** Answers from a fixed table: text → [intent, confidence]. */
function tableClassifier(table: Record<string, [IntentId, number]>): Classifier {
  return {
    temperature: 1,
    classify(text: string): Classification {
      const [intent, confidence] = table[text] ?? ['other', 0];
      return { intent, confidence };
    },
    probabilities: () => new Float64Array(INTENTS.length),
  };
}

const JSONL = [
  '{"text":"你好","intent":"greeting","locale":"zh-CN"}',
  '',
  '{"text":"我要退款","intent":"aftersale.refund","locale":"zh-CN"}',
  '{"text":"where is it","intent":"logistics.track","locale":"en-US"}',
  '{"text":"hi","intent":"greeting","locale":"en-US"}',
].join('\n');

const classifier = tableClassifier({
  你好: ['greeting', 0.95],
  我要退款: ['aftersale.return', 0.55],
  'where is it': ['logistics.track', 0.72],
  hi: ['greeting', 0.91],
});

describe('parseLabelled', () => {
  it('reads the non-empty lines', () => {
    expect(parseLabelled(JSONL, 'x.jsonl').map((r) => r.intent)).toEqual([
      'greeting',
      'aftersale.refund',
      'logistics.track',
      'greeting',
    ]);
  });

  it('names the file and line of a row with an unknown intent', () => {
    expect(() => parseLabelled('\n{"text":"a","intent":"nope","locale":"en-US"}', 'dev.jsonl')).toThrow(
      'dev.jsonl:2: needs "text", a known "intent" and "locale"',
    );
  });
});

describe('scoreIntents', () => {
  const score = scoreIntents(classifier, parseLabelled(JSONL, 'x.jsonl'));

  it('counts accuracy per locale, confidence bins and the misses', () => {
    expect(score.n).toBe(4);
    expect(score.ok).toBe(3);
    expect(score.perLocale.get('zh-CN')).toEqual({ n: 2, ok: 1 });
    expect(score.perLocale.get('en-US')).toEqual({ n: 2, ok: 2 });
    expect(score.binN).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 2]);
    expect(score.binOk).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 2]);
    expect(score.misses).toEqual([
      {
        text: '我要退款',
        locale: 'zh-CN',
        intent: 'aftersale.refund',
        got: 'aftersale.return',
        confidence: 0.55,
      },
    ]);
  });

  it('reports accuracy lines and the miss as text', () => {
    expect(formatIntentReport(score).slice(0, 3)).toEqual([
      'accuracy en-US: 100.0% (2/2)',
      'accuracy zh-CN: 50.0% (1/2)',
      'accuracy all: 75.0% (3/4)',
    ]);
    expect(formatMisses(score.misses)).toEqual([
      'zh-CN aftersale.refund → aftersale.return (0.55): 我要退款',
    ]);
  });

  it('averages several trainings overall and per locale, and lists each run', () => {
    const perfect = tableClassifier({
      你好: ['greeting', 0.9],
      我要退款: ['aftersale.refund', 0.9],
      'where is it': ['logistics.track', 0.9],
      hi: ['greeting', 0.9],
    });
    const rows = parseLabelled(JSONL, 'x.jsonl');
    expect(formatMeanAccuracy([score, scoreIntents(perfect, rows)])).toBe(
      '87.50% (zh-CN 75.00%, en-US 100.00%); runs 75.0 100.0',
    );
  });
});
