// Reading a reply of `POST /v1/chat` (pure: the HTTP driver's parsing, tested on its own).
import type { BotReply } from '../../server/bot/types.ts';

/** A body as JSON, or undefined when it is not JSON (a proxy's page, an empty or cut body). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error code of a non-200 reply: the protocol's error frame `code`, else `http_<status>`. */
export function httpErrorCode(status: number, body: string): string {
  const parsed = parseJson(body) as { code?: unknown } | undefined;
  return typeof parsed?.code === 'string' && parsed.code !== '' ? parsed.code : `http_${status}`;
}

/** A 200 body's session id and bot reply, or undefined when the body is not that shape. */
export function parseChatReply(body: string): { session: string; reply: BotReply } | undefined {
  const parsed = parseJson(body) as { session?: unknown; reply?: unknown } | undefined;
  if (typeof parsed?.session !== 'string' || typeof parsed.reply !== 'object' || parsed.reply === null)
    return undefined;
  return { session: parsed.session, reply: parsed.reply as BotReply };
}
