import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAngry, isAngryByEveryTest, squash } from './anger.ts';

describe('isAngry and squash', () => {
  it('answers as running every test would: the counts skip only tests that cannot pass', () => {
    const pieces = [...'!！?？AZ az', 'WHERE', 'IS', 'MY', 'A', 'why', 'again', '到底', '无语', '包裹'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        return isAngry(text) === isAngryByEveryTest(text);
      }),
      { numRuns: 5000, seed: 3 },
    );
  });

  it('reacts to abusive words in zh and en', () => {
    expect(isAngry('你们这什么垃圾服务')).toBe(true);
    expect(isAngry('this is RIDICULOUS, useless bot')).toBe(true);
    expect(isAngry('气死我了')).toBe(true);
  });

  it('reacts to runs of !!! and ？？？ and to shouting', () => {
    expect(isAngry('快递到底到哪了？？？')).toBe(true);
    expect(isAngry('where is it!!!')).toBe(true);
    expect(isAngry('WHERE IS MY PARCEL')).toBe(true);
  });

  it('squashes a message sent again, with other spaces, punctuation or case, to the same text', () => {
    expect(squash('我的快递到哪了')).toBe(squash('我的快递 到哪了！！'));
    expect(squash('Where is it?')).toBe(squash('where  is it'));
    expect(squash('好的')).not.toBe(squash('好'));
  });

  it('leaves calm messages alone, double punctuation included', () => {
    expect(isAngry('你好，我的快递到哪了??')).toBe(false);
    expect(isAngry('can I return the hoodie? thanks!')).toBe(false);
    expect(isAngry('I want to cancel order E2026111100012345')).toBe(false);
  });
});
