// Error frames describe what was wrong with a frame without sending the customer's text back.
import { describe, expect, it } from 'vitest';
import { parseClientFrame, parseHttpBody } from './protocol.ts';

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
