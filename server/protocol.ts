// Wire protocol v1 (../shared/DESIGN.md): parsing of client frames and building of server frames.
// Pure: no sockets, no clocks. Both transports (WS and HTTP) go through here.
import { z } from 'zod';
import { maskPersonalData } from './bot/mask.ts';
import type { BotReply, Locale } from './bot/types.ts';

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

const id = z.string().min(1).max(128);
const text = z.string().min(1).max(4000);
const locale = z.string().min(2).max(35);

const msgFrame = z.object({ type: z.literal('msg'), id, conv: id, text, locale: locale.optional() });
const endFrame = z.object({
  type: z.literal('end'),
  conv: id,
  reason: z.enum(['resolved', 'abandoned', 'handoff_accepted']),
});
const httpBody = z.object({ session: id.optional(), text, locale: locale.optional() });

export type MsgFrame = z.infer<typeof msgFrame>;
export type EndFrame = z.infer<typeof endFrame>;
export type HttpChatBody = z.infer<typeof httpBody>;

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

/** Parses one WebSocket text frame into a `msg` or `end` frame, or the error frame to send back. */
export function parseClientFrame(raw: string): Parsed<MsgFrame | EndFrame> {
  const json = parseJsonObject(raw);
  if (!json.ok) return json;
  const obj = json.value;
  const replyTo = typeof obj.id === 'string' && obj.id.length <= 128 ? obj.id : undefined;
  const schema = obj.type === 'msg' ? msgFrame : obj.type === 'end' ? endFrame : undefined;
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
  const result = httpBody.safeParse(json.value);
  if (!result.success) return fail('bad_type', describeIssue(result.error.issues[0]!));
  return { ok: true, value: result.data };
}

/** Maps a client's locale tag onto the two the bot speaks (English for en*, else Chinese). */
export function normaliseLocale(tag: string | undefined): Locale | undefined {
  if (tag === undefined) return undefined;
  return tag.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export function replyFrame(msg: MsgFrame, reply: BotReply, serverMicros: number): ReplyFrame {
  return { type: 'reply', replyTo: msg.id, conv: msg.conv, ...reply, serverMicros };
}

export function errorFrame(code: ErrorCode, message: string, replyTo?: string): ErrorFrame {
  return fail(code, message, replyTo).error;
}
