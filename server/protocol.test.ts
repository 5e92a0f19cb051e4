// Error frames describe what was wrong with a frame without sending the customer's text back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDOFF_REASONS, INTENTS, QUEUES } from './bot/types.ts';
import { parseClientFrame, parseHttpBody, type ReplyFrame, replyFrameJson } from './protocol.ts';

describe('replyFrameJson', () => {
  it('writes what JSON.stringify writes, for any ids and text (quotes, controls, lone surrogates)', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc
        .array(fc.constantFrom('a', '价', '"', '\\', '\n', '\u0001', '\ud83d', '\ude00', '😀', '/'), {
          maxLength: 12,
        })
        .map((parts) => parts.join('')),
    );
    const frame: fc.Arbitrary<ReplyFrame> = fc
      .record({
        replyTo: text,
        conv: text,
        text,
        intent: fc.constantFrom(...INTENTS),
        confidence: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, -0, 1, 0.125)),
        action: fc.constantFrom('answer', 'clarify', 'handoff' as const),
        resolved: fc.boolean(),
        handoff: fc.option(
          fc.record({ queue: fc.constantFrom(...QUEUES), reason: fc.constantFrom(...HANDOFF_REASONS) }),
          {
            nil: undefined,
          },
        ),
        serverMicros: fc.nat(),
      })
      .map(({ handoff, serverMicros, ...rest }) => ({
        type: 'reply' as const,
        ...rest,
        ...(handoff === undefined ? {} : { handoff }),
        serverMicros,
      }));
    fc.assert(
      fc.property(frame, (f) => replyFrameJson(f) === JSON.stringify(f)),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('error frames carry no customer text', () => {
  it('drops the input V8 quotes in a JSON syntax error, over both transports', () => {
    for (const parse of [parseClientFrame, parseHttpBody]) {
      expect(parse('x 13812341234 zhang.san@example.com')).toEqual({
        ok: false,
        error: { type: 'error', code: 'bad_json', message: "frame is not valid JSON: Unexpected token 'x'" },
      });
      expect(parse('{"text":"13812341234" }x')).toEqual({
        ok: false,
        error: {
          type: 'error',
          code: 'bad_json',
          message: 'frame is not valid JSON: Unexpected non-whitespace character after JSON at position 23',
        },
      });
    }
  });

  it('masks an unknown frame type it names', () => {
    expect(parseClientFrame('{"type":"13812341234","id":"m-1"}')).toEqual({
      ok: false,
      error: {
        type: 'error',
        replyTo: 'm-1',
        code: 'bad_type',
        message: 'unknown frame type "138****1234"; expected "msg" or "end"',
      },
    });
  });
});
