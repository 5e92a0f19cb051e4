// Wire protocol v1 (../shared/DESIGN.md): parsing of client frames and building of server frames.
// Pure: no sockets, no clocks. Both transports (WS and HTTP) go through here.
import { z } from 'zod';
import { maskPersonalData } from './bot/mask.ts';
import type { BotReply, Locale } from './bot/types.ts';
import { needsJsonEscape } from './json-escape.ts';

export const ERROR_CODES = ['bad_json', 'bad_type', 'too_large', 'rate_limited', 'unauthorized'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorFrame {
  type: 'error';
  replyTo?: string;
  code: ErrorCode;
  message: string;
}

export interface ReplyFrame extends BotReply {
  type: 'reply';
  replyTo: string;
  conv: string;
  serverMicros: number;
}

const ID_MAX = 128;
const TEXT_MAX = 4000;
const LOCALE_MIN = 2;
const LOCALE_MAX = 35;
const END_REASONS = ['resolved', 'abandoned', 'handoff_accepted'] as const;

const id = z.string().min(1).max(ID_MAX);
const text = z.string().min(1).max(TEXT_MAX);
const locale = z.string().min(LOCALE_MIN).max(LOCALE_MAX);

/** The schemas of record: they decide what is valid and word the errors. */
export const msgFrameSchema = z.object({
  type: z.literal('msg'),
  id,
  conv: id,
  text,
  locale: locale.optional(),
});
export const endFrameSchema = z.object({ type: z.literal('end'), conv: id, reason: z.enum(END_REASONS) });
export const httpBodySchema = z.object({ session: id.optional(), text, locale: locale.optional() });

export type MsgFrame = z.infer<typeof msgFrameSchema>;
export type EndFrame = z.infer<typeof endFrameSchema>;
export type HttpChatBody = z.infer<typeof httpBodySchema>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ErrorFrame };

function fail(code: ErrorCode, message: string, replyTo?: string): { ok: false; error: ErrorFrame } {
  return {
    ok: false,
    error:
      replyTo === undefined ? { type: 'error', code, message } : { type: 'error', replyTo, code, message },
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.length > 0 ? issue.path.join('.') : 'frame';
  if (issue.code === 'invalid_type') return `field "${path}" must be ${issue.expected}`;
  if (issue.code === 'too_big') return `field "${path}" is too long (max ${String(issue.maximum)})`;
  if (issue.code === 'too_small') return `field "${path}" must not be empty`;
  if (issue.code === 'invalid_value')
    return `field "${path}" must be one of ${issue.values.map(String).join(', ')}`;
  return `field "${path}": ${issue.message}`;
}

/** V8's JSON.parse error without the start of the input it quotes: a customer's text never comes back in an error. */
function jsonErrorDetail(err: Error): string {
  return err.message.replace(/, "[\s\S]*$/, '');
}

function parseJsonObject(raw: string): Parsed<Record<string, unknown>> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return fail('bad_json', `frame is not valid JSON: ${jsonErrorDetail(err as Error)}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail('bad_type', 'frame must be a JSON object');
  }
  return { ok: true, value: value as Record<string, unknown> };
}

const isId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= ID_MAX;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= TEXT_MAX;
const isLocale = (v: unknown): v is string =>
  typeof v === 'string' && v.length >= LOCALE_MIN && v.length <= LOCALE_MAX;

/**
 * What the schema of record would give for `obj`, checked by hand (zod costs a third of the parse of a
 * frame), or undefined when `obj` is not valid; then zod runs, to name what is wrong. Field order and
 * unknown keys dropped as zod does; server/protocol-fast-path.test.ts holds the two to the same answers.
 */
export function fastClientFrame(obj: Record<string, unknown>): MsgFrame | EndFrame | undefined {
  if (obj.type === 'msg') {
    const { id: i, conv, text: t, locale: l } = obj;
    if (!isId(i) || !isId(conv) || !isText(t)) return undefined;
    if (l === undefined) return { type: 'msg', id: i, conv, text: t };
    return isLocale(l) ? { type: 'msg', id: i, conv, text: t, locale: l } : undefined;
  }
  if (obj.type === 'end') {
    const { conv, reason } = obj;
    if (!isId(conv) || (reason !== 'resolved' && reason !== 'abandoned' && reason !== 'handoff_accepted')) {
      return undefined;
    }
    return { type: 'end', conv, reason };
  }
  return undefined;
}

/** `fastClientFrame` for the body of `POST /v1/chat`. */
export function fastHttpBody(obj: Record<string, unknown>): HttpChatBody | undefined {
  const { session, text: t, locale: l } = obj;
  if (!isText(t) || (session !== undefined && !isId(session)) || (l !== undefined && !isLocale(l))) {
    return undefined;
  }
  const body: HttpChatBody = session === undefined ? { text: t } : { session, text: t };
  if (l !== undefined) body.locale = l;
  return body;
}

const isJsonSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

type FrameKey = 'type' | 'id' | 'conv' | 'text' | 'locale' | 'reason';
const FRAME_KEYS: readonly FrameKey[] = ['type', 'id', 'conv', 'text', 'locale', 'reason'];

function skipSpaceBytes(b: Uint8Array, from: number): number {
  let i = from;
  while (i < b.length && isJsonSpace(b[i] as number)) i++;
  return i;
}

/** The index of the quote that ends a string literal opening before `from`, or -1 if it has an escape or a control
 * character (or no end): JSON.parse then decides what it is. `plainAscii` tells whether it had only ASCII in it. */
let plainAscii = true;
function plainStringEndBytes(b: Uint8Array, from: number): number {
  plainAscii = true;
  for (let i = from; i < b.length; i++) {
    const c = b[i] as number;
    if (c === 0x22) return i;
    if (c === 0x5c || c < 0x20) return -1;
    if (c >= 0x80) plainAscii = false;
  }
  return -1;
}

function frameKeyBytes(b: Uint8Array, from: number, to: number): FrameKey | undefined {
  next: for (const key of FRAME_KEYS) {
    if (key.length !== to - from) continue;
    for (let k = 0; k < key.length; k++) if (b[from + k] !== key.charCodeAt(k)) continue next;
    return key;
  }
  return undefined;
}

/**
 * `fastClientFrame(JSON.parse(text of bytes))` for a frame that is one flat object of strings without escapes, as the
 * drivers and most clients send, read in place from its UTF-8 bytes as uWS hands them over; undefined for anything
 * else, which is then decoded whole and goes through JSON.parse. Duplicate keys keep the last value, as JSON.parse
 * does; protocol-fast-path.test.ts holds the two to the same answers.
 * At 12,000 msgs/s in the server JSON.parse and the check took 5.2 µs a frame, reading it in place from the decoded
 * string 2.2 µs. Read from the bytes, ids and other ASCII values are one-byte strings; sliced from a frame decoded
 * whole they were two-byte whenever the text was Chinese, and writing the reply then took 3.2 µs instead of 1.3.
 */
export function plainClientFrameBytes(bytes: Uint8Array): MsgFrame | EndFrame | undefined {
  // A Buffer for its native decoding (toString); the server hands one over, other callers get a view made here.
  const b = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = skipSpaceBytes(b, 0);
  if (b[i] !== 0x7b) return undefined;
  i = skipSpaceBytes(b, i + 1);
  const fields: Record<FrameKey, string | undefined> = {
    type: undefined,
    id: undefined,
    conv: undefined,
    text: undefined,
    locale: undefined,
    reason: undefined,
  };
  for (;;) {
    if (b[i] !== 0x22) return undefined;
    const keyEnd = plainStringEndBytes(b, i + 1);
    if (keyEnd < 0) return undefined;
    const key = frameKeyBytes(b, i + 1, keyEnd);
    i = skipSpaceBytes(b, keyEnd + 1);
    if (b[i] !== 0x3a) return undefined;
    i = skipSpaceBytes(b, i + 1);
    if (b[i] !== 0x22) return undefined;
    const valueEnd = plainStringEndBytes(b, i + 1);
    if (valueEnd < 0) return undefined;
    if (key !== undefined) {
      // Buffer decodes invalid UTF-8 as TextDecoder does (U+FFFD for each bad sequence): the test changes bytes.
      fields[key] = b.toString(plainAscii ? 'latin1' : 'utf8', i + 1, valueEnd);
    }
    i = skipSpaceBytes(b, valueEnd + 1);
    const c = b[i];
    if (c === 0x7d) break;
    if (c !== 0x2c) return undefined;
    i = skipSpaceBytes(b, i + 1);
  }
  return skipSpaceBytes(b, i + 1) === b.length ? fastClientFrame(fields) : undefined;
}

const frameText = new TextDecoder('utf-8', { ignoreBOM: true });

/** A frame's UTF-8 bytes as text: invalid UTF-8 as U+FFFD, a BOM kept (it is not JSON, so a bad_json). */
export function frameTextOf(bytes: Uint8Array): string {
  return frameText.decode(bytes);
}

/** parseClientFrame for a frame's UTF-8 bytes. */
export function parseClientFrameBytes(bytes: Uint8Array): Parsed<MsgFrame | EndFrame> {
  const plain = plainClientFrameBytes(bytes);
  return plain !== undefined ? { ok: true, value: plain } : parseClientFrame(frameTextOf(bytes));
}

/** Parses one WebSocket text frame into a `msg` or `end` frame, or the error frame to send back. */
export function parseClientFrame(raw: string): Parsed<MsgFrame | EndFrame> {
  const json = parseJsonObject(raw);
  if (!json.ok) return json;
  const obj = json.value;
  const fast = fastClientFrame(obj);
  if (fast !== undefined) return { ok: true, value: fast };
  const replyTo = typeof obj.id === 'string' && obj.id.length <= 128 ? obj.id : undefined;
  const schema = obj.type === 'msg' ? msgFrameSchema : obj.type === 'end' ? endFrameSchema : undefined;
  if (schema === undefined) {
    const got =
      typeof obj.type === 'string' ? `"${maskPersonalData(obj.type.slice(0, 40))}"` : typeof obj.type;
    return fail('bad_type', `unknown frame type ${got}; expected "msg" or "end"`, replyTo);
  }
  const result = schema.safeParse(obj);
  if (!result.success) return fail('bad_type', describeIssue(result.error.issues[0]!), replyTo);
  return { ok: true, value: result.data };
}

/** Parses the body of `POST /v1/chat`. */
export function parseHttpBody(raw: string): Parsed<HttpChatBody> {
  const json = parseJsonObject(raw);
  if (!json.ok) return json;
  const fast = fastHttpBody(json.value);
  if (fast !== undefined) return { ok: true, value: fast };
  const result = httpBodySchema.safeParse(json.value);
  if (!result.success) return fail('bad_type', describeIssue(result.error.issues[0]!));
  return { ok: true, value: result.data };
}

/** Maps a client's locale tag onto the two the bot speaks (English for en*, else Chinese). */
export function normaliseLocale(tag: string | undefined): Locale | undefined {
  if (tag === undefined) return undefined;
  // `tag.toLowerCase().startsWith('en')` without a string a message: only E/e and N/n lower-case to e, n
  return tag.length >= 2 && (tag.charCodeAt(0) | 0x20) === 0x65 && (tag.charCodeAt(1) | 0x20) === 0x6e
    ? 'en-US'
    : 'zh-CN';
}

/**
 * The reply frame, field by field in the wire order of DESIGN.md: a spread of `reply` (whose shape
 * varies with `handoff`) was megamorphic and slowed JSON.stringify. `satisfies Required<…>` stops the
 * build when BotReply gains a field that is not copied here.
 */
export function replyFrame(msg: MsgFrame, reply: BotReply, serverMicros: number): ReplyFrame {
  const { handoff } = reply;
  if (handoff === undefined) {
    return {
      type: 'reply',
      replyTo: msg.id,
      conv: msg.conv,
      text: reply.text,
      intent: reply.intent,
      confidence: reply.confidence,
      action: reply.action,
      resolved: reply.resolved,
      serverMicros,
    } satisfies Required<Omit<ReplyFrame, 'handoff'>>;
  }
  return {
    type: 'reply',
    replyTo: msg.id,
    conv: msg.conv,
    text: reply.text,
    intent: reply.intent,
    confidence: reply.confidence,
    action: reply.action,
    resolved: reply.resolved,
    handoff,
    serverMicros,
  } satisfies Required<ReplyFrame>;
}

const jsonString = (s: string): string => (needsJsonEscape(s) ? JSON.stringify(s) : `"${s}"`);
const jsonNumber = (n: number): string => (Number.isFinite(n) ? `${n}` : 'null');

/**
 * `JSON.stringify(frame)`, built by hand: at 12,000 msgs/s in the server JSON.stringify took 4.2-4.6 µs a reply
 * and this 1.4-1.5 µs (timed around the call, 2 alternating runs each). Intent, action, queue and reason are ids
 * of fixed lists (types.ts), written as they are; protocol-fast-path.test.ts holds the two to the same text.
 */
export function replyFrameJson(frame: ReplyFrame): string {
  const { handoff } = frame;
  const h =
    handoff === undefined ? '' : `,"handoff":{"queue":"${handoff.queue}","reason":"${handoff.reason}"}`;
  return `{"type":"reply","replyTo":${jsonString(frame.replyTo)},"conv":${jsonString(frame.conv)},"text":${jsonString(frame.text)},"intent":"${frame.intent}","confidence":${jsonNumber(frame.confidence)},"action":"${frame.action}","resolved":${frame.resolved}${h},"serverMicros":${jsonNumber(frame.serverMicros)}}`;
}

/** What the server sends for a frame it answers: a reply as replyFrameJson writes it, an error frame as JSON. */
export function serverFrameJson(frame: ReplyFrame | ErrorFrame): string {
  return frame.type === 'reply' ? replyFrameJson(frame) : JSON.stringify(frame);
}

export function errorFrame(code: ErrorCode, message: string, replyTo?: string): ErrorFrame {
  return fail(code, message, replyTo).error;
}
