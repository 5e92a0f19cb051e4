import { describe, expect, it } from 'vitest';
import { messageIdSeq, messageIdTurn, msgFrame } from './msg-frame.ts';

const expected = (seq: number, turn: number, text: string, locale: string): string =>
  JSON.stringify({ type: 'msg', id: `${seq}-${turn}`, conv: `c-${seq}`, text, locale });

describe('msgFrame', () => {
  const texts = [
    '我的快递到哪了 E2026111100012345',
    'I want to return my shoes',
    '',
    'say "hi" \\ back',
    'line\nbreak\ttab\u0001\u001f',
    'emoji 😀 pair',
    'lone \ud800 high and \udc00 low',
    '\u2028\u2029 separators',
  ];
  for (const text of texts) {
    it(`writes the bytes JSON.stringify writes for ${JSON.stringify(text)}`, () => {
      expect(msgFrame(12, 3, text, 'zh-CN').toString('latin1')).toBe(
        Buffer.from(expected(12, 3, text, 'zh-CN')).toString('latin1'),
      );
    });
  }

  it('writes ids at digit boundaries and an escaped locale', () => {
    for (const [seq, turn] of [
      [0, 1],
      [9, 9],
      [10, 10],
      [99, 100],
      [1_234_567_890_123, 1],
    ] as const) {
      expect(msgFrame(seq, turn, 'hi', 'en-"US"').toString()).toBe(expected(seq, turn, 'hi', 'en-"US"'));
    }
  });
});

describe('messageIdSeq / messageIdTurn', () => {
  it('reads back the ids msgFrame writes', () => {
    expect(messageIdSeq('0-1')).toBe(0);
    expect(messageIdTurn('0-1')).toBe(1);
    expect(messageIdSeq('1234567890123-10')).toBe(1_234_567_890_123);
    expect(messageIdTurn('1234567890123-10')).toBe(10);
  });

  it('takes nothing msgFrame would not write', () => {
    for (const id of [
      undefined,
      12,
      null,
      '',
      '-',
      '12',
      '12-',
      '-3',
      '012-3',
      '12-03',
      '1-2-3',
      '1a-2',
      ' 1-2',
      '1-2 ',
      '1234567890123456-1',
    ]) {
      expect(messageIdSeq(id)).toBe(-1);
    }
  });
});
