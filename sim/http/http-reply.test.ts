import { describe, expect, it } from 'vitest';
import { httpErrorCode, parseChatReply } from './http-reply.ts';

describe('httpErrorCode', () => {
  it("takes the protocol's error code, else the status", () => {
    expect(httpErrorCode(429, '{"type":"error","code":"rate_limited","message":"slow down"}')).toBe(
      'rate_limited',
    );
    expect(httpErrorCode(502, '<html>Bad Gateway</html>')).toBe('http_502');
    expect(httpErrorCode(500, '')).toBe('http_500');
    expect(httpErrorCode(400, '{"code":""}')).toBe('http_400');
  });
});

describe('parseChatReply', () => {
  it('reads the session and the reply, and nothing of another shape', () => {
    expect(parseChatReply('{"session":"s-1","reply":{"text":"ok"}}')).toEqual({
      session: 's-1',
      reply: { text: 'ok' },
    });
    expect(parseChatReply('{"session":"s-1","reply":null}')).toBeUndefined();
    expect(parseChatReply('{"reply":{"text":"ok"}}')).toBeUndefined();
    expect(parseChatReply('<html>')).toBeUndefined();
  });
});
