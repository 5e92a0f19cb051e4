// What both transports do with a customer message: find the conversation, ask the brain, count it.
// No sockets here; clocks come in through ChatContext.
import type { Brain, Session } from './bot/types.ts';
import {
  type EndFrame,
  type ErrorCode,
  type ErrorFrame,
  type HttpChatBody,
  type MsgFrame,
  normaliseLocale,
  parseClientFrameBytes,
  type ReplyFrame,
  replyFrame,
} from './protocol.ts';
import type { TtlStore } from './ttl-store.ts';

export interface ChatMetrics {
  message(): void;
  reply(frame: ReplyFrame): void;
  error(code: ErrorCode): void;
}

export interface ChatContext {
  brain: Brain;
  metrics: ChatMetrics;
  /** Wall clock, ms since epoch (what the brain sees as `now`). */
  nowMs(): number;
  /** Monotonic high-resolution clock in ms, for serverMicros. */
  hrMs(): number;
  /** Conversations one socket may hold at once; the oldest is dropped past it. */
  maxConvsPerSocket: number;
  /** Called with each answered turn (transcript recording); the conversation id comes masked, as
   * clients sometimes name conversations and sessions after the customer's phone or email. */
  onTurn?: (conv: string, text: string, reply: ReplyFrame) => void;
}

function answer(ctx: ChatContext, session: Session, msg: MsgFrame, startHr: number): ReplyFrame {
  const reply = ctx.brain.handleMessage(session, msg.text, ctx.nowMs());
  const frame = replyFrame(msg, reply, Math.round((ctx.hrMs() - startHr) * 1000));
  ctx.metrics.reply(frame);
  ctx.onTurn?.(ctx.brain.mask(msg.conv), msg.text, frame);
  return frame;
}

function conversation(ctx: ChatContext, convs: Map<string, Session>, msg: MsgFrame): Session {
  const locale = normaliseLocale(msg.locale);
  let session = convs.get(msg.conv);
  if (session === undefined) {
    if (convs.size >= ctx.maxConvsPerSocket) {
      const oldest = convs.keys().next();
      if (oldest.done !== true) convs.delete(oldest.value);
    }
    session = ctx.brain.createSession(msg.conv, locale);
    convs.set(msg.conv, session);
  } else if (locale !== undefined) {
    session.locale = locale;
  }
  return session;
}

/** Handles one WebSocket text frame, its UTF-8 bytes as the socket gives them: a reply for `msg`, nothing for `end`,
 * an error frame for bad input. */
export function handleWsText(
  ctx: ChatContext,
  convs: Map<string, Session>,
  bytes: Uint8Array,
): ReplyFrame | ErrorFrame | null {
  const startHr = ctx.hrMs();
  ctx.metrics.message();
  const parsed = parseClientFrameBytes(bytes);
  if (!parsed.ok) {
    ctx.metrics.error(parsed.error.code);
    return parsed.error;
  }
  const frame: MsgFrame | EndFrame = parsed.value;
  if (frame.type === 'end') {
    convs.delete(frame.conv);
    return null;
  }
  return answer(ctx, conversation(ctx, convs, frame), frame, startHr);
}

/** Handles one `POST /v1/chat` turn; `sessions` keeps the multi-turn context between requests. */
export function handleHttpTurn(
  ctx: ChatContext,
  sessions: TtlStore<Session>,
  body: HttpChatBody,
  newSessionId: () => string,
): { session: string; reply: Omit<ReplyFrame, 'type' | 'replyTo' | 'conv'> } {
  const startHr = ctx.hrMs();
  ctx.metrics.message();
  const now = ctx.nowMs();
  const locale = normaliseLocale(body.locale);
  let id = body.session;
  let session = id === undefined ? undefined : sessions.get(id, now);
  if (session === undefined) {
    id ??= newSessionId();
    session = ctx.brain.createSession(id, locale);
    sessions.set(id, session, now);
  } else if (locale !== undefined) {
    session.locale = locale;
  }
  const msg: MsgFrame = { type: 'msg', id: 'http', conv: id as string, text: body.text };
  const { type: _t, replyTo: _r, conv: _c, ...reply } = answer(ctx, session, msg, startHr);
  return { session: id as string, reply };
}
