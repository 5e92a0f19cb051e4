// The message path's hand-written shortcuts must answer exactly as what they replace: the frame checks
// as the zod schemas of record (the same value, fields in the same order, unknown keys dropped, for
// every valid frame; nothing for an invalid one, which then goes to zod for its error), frames read from
// their bytes as JSON.parse reads them, the reply frame as a spread of the brain's reply and its JSON as
// JSON.stringify writes it, the locale test as toLowerCase().startsWith('en').
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { msgFrame } from '../sim/engine/msg-frame.ts';
import { createBrain } from './bot/brain.ts';
import { HANDOFF_REASONS, INTENTS, QUEUES } from './bot/types.ts';
import {
  endFrameSchema,
  errorFrame,
  fastClientFrame,
  fastHttpBody,
  httpBodySchema,
  msgFrameSchema,
  normaliseLocale,
  parseClientFrame,
  parseHttpBody,
  plainClientFrameBytes,
  type ReplyFrame,
  replyFrame,
  replyFrameJson,
  serverFrameJson,
} from './protocol.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150) * 20;

/** Strings on and either side of every length bound (1, 2, 35, 128, 4000), and other JSON values. */
const field = fc.oneof(
  fc.integer({ min: 0, max: 4002 }).map((n) => 'x'.repeat(n)),
  fc.constantFrom(0, 1, 2, 3, 34, 35, 36, 127, 128, 129, 3999, 4000, 4001).map((n) => '字'.repeat(n)),
  fc.string({ maxLength: 40 }),
  fc.constantFrom('msg', 'end', 'resolved', 'abandoned', 'handoff_accepted', 'zh-CN', 'en', ''),
  fc.constantFrom(null, true, 0, 17, [], {}, ['a']),
);

const objects = fc
  .tuple(
    fc.record(
      {
        type: fc.oneof(fc.constantFrom('msg', 'end', 'MSG', 'reply'), field),
        id: field,
        conv: field,
        text: field,
        locale: field,
        reason: field,
        session: field,
      },
      { requiredKeys: [] },
    ),
    fc.dictionary(fc.string({ maxLength: 8 }), field, { maxKeys: 3 }),
    fc.boolean(),
  )
  // unknown keys before or after the known ones
  .map(([known, extra, extraFirst]) => (extraFirst ? { ...extra, ...known } : { ...known, ...extra }))
  .map((o) => JSON.parse(JSON.stringify(o)) as Record<string, unknown>);

function viaZod(schema: z.ZodType, obj: unknown): string | undefined {
  const result = schema.safeParse(obj);
  return result.success ? JSON.stringify(result.data) : undefined;
}

const json = (v: unknown): string | undefined => (v === undefined ? undefined : JSON.stringify(v));

describe('fast frame checks agree with the zod schemas', () => {
  it('WS frames: same value for valid ones, none for invalid ones', () => {
    fc.assert(
      fc.property(objects, (obj) => {
        const schema = obj.type === 'msg' ? msgFrameSchema : obj.type === 'end' ? endFrameSchema : undefined;
        expect(json(fastClientFrame(obj))).toBe(schema === undefined ? undefined : viaZod(schema, obj));
      }),
      { numRuns: RUNS },
    );
  });

  it('HTTP bodies: same value for valid ones, none for invalid ones', () => {
    fc.assert(
      fc.property(objects, (obj) => {
        expect(json(fastHttpBody(obj))).toBe(viaZod(httpBodySchema, obj));
      }),
      { numRuns: RUNS },
    );
  });

  it('frames read in place from their bytes (plainClientFrameBytes) as JSON.parse and fastClientFrame read them', () => {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const reference = (bytes: Uint8Array): unknown => {
      let obj: unknown;
      try {
        obj = JSON.parse(decoder.decode(bytes));
      } catch {
        return undefined;
      }
      return typeof obj === 'object' && obj !== null && !Array.isArray(obj)
        ? fastClientFrame(obj as Record<string, unknown>)
        : undefined;
    };
    const id = fc.string({ minLength: 1, maxLength: 12 });
    const valid = fc.oneof(
      fc.record(
        {
          type: fc.constant('msg'),
          id,
          conv: id,
          text: fc.string({ minLength: 1, maxLength: 60 }),
          locale: id,
        },
        { requiredKeys: ['type', 'id', 'conv', 'text'] },
      ),
      fc.record({
        type: fc.constant('end'),
        conv: id,
        reason: fc.constantFrom('resolved', 'abandoned', 'handoff_accepted'),
      }),
    );
    const spaced = fc
      .tuple(
        fc.oneof(objects, valid),
        fc.constantFrom(0, 1, 2, '\t'),
        fc.constantFrom('', ' ', '\n', '\v', '\u00a0', 'x', '}', ',', '"'),
      )
      .map(
        ([o, indent, tail]) =>
          `${indent === 1 ? ' ' : ''}${JSON.stringify(o, null, indent || undefined)}${tail}`,
      );
    const texts = fc.oneof(
      spaced,
      spaced.map((raw) => raw.replace(/":"/g, '" : "').replace(/","/g, '" ,"')),
      // a frame cut short, or with one character changed
      fc
        .tuple(spaced, fc.nat(), fc.constantFrom('', '"', '\\', '{', ':', ',', '\u0001', ' '))
        .map(
          ([raw, at, c]) => raw.slice(0, at % (raw.length + 1)) + c + raw.slice((at % (raw.length + 1)) + 1),
        ),
      fc.string({ maxLength: 60 }),
    );
    // UTF-8 of the texts, and with one byte changed to one that cannot stand there or start a character
    const frames = fc.oneof(
      texts.map((raw) => Buffer.from(raw)),
      fc.tuple(texts, fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([raw, at, byte]) => {
        const bytes = Buffer.from(raw);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        return bytes;
      }),
    );
    let read = 0;
    fc.assert(
      fc.property(frames, (bytes) => {
        const plain = plainClientFrameBytes(bytes);
        const want = reference(bytes);
        if (plain !== undefined) {
          read++;
          expect(json(plain)).toBe(json(want));
        } else if (want !== undefined && bytes.every((c) => c !== 0x5c && c >= 0x20 && c < 0x80)) {
          // A frame of plain ASCII strings goes the fast way: only non-string values may fall back.
          expect(Object.values(JSON.parse(bytes.toString())).some((v) => typeof v !== 'string')).toBe(true);
        }
      }),
      { numRuns: RUNS, seed: 5 },
    );
    expect(read).toBeGreaterThan(RUNS / 40);
    expect(
      plainClientFrameBytes(Buffer.from('{"type":"msg","id":"a","conv":"c","text":"x","text":"y"}')),
    ).toEqual({
      type: 'msg',
      id: 'a',
      conv: 'c',
      text: 'y',
    });
    expect(plainClientFrameBytes(msgFrame(12, 3, '羽绒服有L码吗', 'zh-CN'))).toEqual({
      type: 'msg',
      id: '12-3',
      conv: 'c-12',
      text: '羽绒服有L码吗',
      locale: 'zh-CN',
    });
    // a plain Uint8Array (not a Buffer), here a view into the middle of a larger buffer, reads the same
    const framed = Buffer.concat([
      Buffer.from('xx'),
      msgFrame(12, 3, '羽绒服有L码吗', 'zh-CN'),
      Buffer.from('yy'),
    ]);
    const view = new Uint8Array(framed.buffer, framed.byteOffset + 2, framed.length - 4);
    expect(Buffer.isBuffer(view)).toBe(false);
    expect(plainClientFrameBytes(view)).toEqual(
      plainClientFrameBytes(msgFrame(12, 3, '羽绒服有L码吗', 'zh-CN')),
    );
  });

  it('a valid frame parses to the zod value; an invalid one keeps its zod error', () => {
    expect(
      parseClientFrame('{"text":"你好","x":1,"conv":"c-1","id":"m-1","type":"msg","locale":"zh-CN"}'),
    ).toEqual({ ok: true, value: { type: 'msg', id: 'm-1', conv: 'c-1', text: '你好', locale: 'zh-CN' } });
    expect(parseClientFrame('{"type":"msg","id":"m-1","conv":"c-1","text":""}')).toEqual({
      ok: false,
      error: { type: 'error', replyTo: 'm-1', code: 'bad_type', message: 'field "text" must not be empty' },
    });
    expect(parseClientFrame('{"type":"end","conv":"c-1","reason":"bored"}')).toEqual({
      ok: false,
      error: {
        type: 'error',
        code: 'bad_type',
        message: 'field "reason" must be one of resolved, abandoned, handoff_accepted',
      },
    });
    expect(parseHttpBody('{"text":"hi","session":""}')).toEqual({
      ok: false,
      error: { type: 'error', code: 'bad_type', message: 'field "session" must not be empty' },
    });
  });
});

describe('reply frame', () => {
  it("serialises as the spread of the brain's reply did, with and without a hand-off", () => {
    const brain = createBrain();
    const texts = [
      '我的快递到哪了 E2026111100012345',
      '这件羽绒服有L码吗',
      '转人工',
      '气死了 垃圾',
      'I want to return my shoes',
      '你好',
    ];
    const seen = new Set<string>();
    for (const [c, locale] of [
      [0, 'zh-CN'],
      [1, 'en-US'],
    ] as const) {
      const session = brain.createSession(`c-${c}`, locale);
      for (const [i, text] of texts.entries()) {
        const msg = { type: 'msg', id: `m-${i}`, conv: `c-${c}`, text } as const;
        const reply = brain.handleMessage(session, text, 1_763_000_000_000);
        seen.add(reply.action);
        expect(JSON.stringify(replyFrame(msg, reply, 41))).toBe(
          JSON.stringify({ type: 'reply', replyTo: msg.id, conv: msg.conv, ...reply, serverMicros: 41 }),
        );
      }
    }
    expect(seen).toContain('handoff');
    expect(seen).toContain('answer');
  });
});

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
    expect(serverFrameJson(errorFrame('bad_json', 'frame is not valid JSON', 'm-1'))).toBe(
      '{"type":"error","replyTo":"m-1","code":"bad_json","message":"frame is not valid JSON"}',
    );
    fc.assert(
      fc.property(
        frame,
        (f) => replyFrameJson(f) === JSON.stringify(f) && serverFrameJson(f) === replyFrameJson(f),
      ),
      { numRuns: 3000, seed: 7 },
    );
  });
});

describe('locale', () => {
  it("maps every first and second character as toLowerCase().startsWith('en') does", () => {
    const reference = (tag: string): string => (tag.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN');
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      for (const tag of [ch, `${ch}n-US`, `e${ch}`, `E${ch}-GB`]) {
        if (normaliseLocale(tag) !== reference(tag))
          expect([tag, normaliseLocale(tag)]).toEqual([tag, reference(tag)]);
      }
    }
    expect(normaliseLocale(undefined)).toBeUndefined();
  });
});
