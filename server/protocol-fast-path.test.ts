// The hand-written checks that spare valid frames the zod parse must answer exactly as the zod schemas of
// record do: the same value (fields, their order, unknown keys dropped) for every valid frame, nothing
// for every invalid one (which then goes to zod for its error).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  endFrameSchema,
  fastClientFrame,
  fastHttpBody,
  httpBodySchema,
  msgFrameSchema,
  parseClientFrame,
  parseHttpBody,
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
