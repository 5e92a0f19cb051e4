// The bare echo bot both echo servers run: a canned protocol-v1 reply to each `msg` (JSON.parse for
// the id, nothing else). The baseline the bot server is measured against.
import type { TemplatedApp } from 'uWebSockets.js';
import type { Uws } from '../../server/uws.ts';

/** The canned reply to one text frame, or undefined for a frame that is not a `msg`. */
export function echoReply(text: string): string | undefined {
  const msg = JSON.parse(text) as { id?: string; conv?: string; type?: string };
  if (msg.type !== 'msg') return undefined;
  return `{"type":"reply","replyTo":${JSON.stringify(msg.id)},"conv":${JSON.stringify(msg.conv)},"text":"ok","intent":"greeting","confidence":1,"action":"answer","resolved":true,"serverMicros":0}`;
}

export function echoApp(uws: Uws): TemplatedApp {
  return uws.App().ws('/chat', {
    maxPayloadLength: 64 * 1024,
    message(ws, message) {
      const reply = echoReply(Buffer.from(message).toString('utf8'));
      if (reply !== undefined) ws.send(reply, false);
    },
  });
}
