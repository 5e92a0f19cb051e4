// A driver's `msg` frame written as UTF-8 straight into the buffer `ws` sends: the same bytes as
// JSON.stringify({ type: 'msg', id: `${seq}-${turn}`, conv: `c-${seq}`, text, locale }), without the
// frame first built as a string (pieces joined, flattened, then encoded again by `ws`): that string
// work was the largest share of what a driver allocated per message.

import { needsJsonEscape as needsEscape } from '../../server/json-escape.ts';

const HEAD = Buffer.from('{"type":"msg","id":"');
const CONV = Buffer.from('","conv":"c-');
const TEXT = Buffer.from('","text":');
const LOCALE = Buffer.from(',"locale":');
const QUOTE = 0x22;

function digits(n: number): number {
  let d = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) d++;
  return d;
}

/** Writes the decimal digits of the whole number `n` (of `count` digits) at `at`; the offset after them. */
function writeDigits(buf: Buffer, at: number, n: number, count: number): number {
  let x = n;
  for (let i = at + count - 1; i >= at; i--) {
    buf[i] = 0x30 + (x % 10);
    x = Math.floor(x / 10);
  }
  return at + count;
}

/** A string as a JSON string literal: its length in bytes, and how to write it. */
function jsonLength(s: string, escaped: string | undefined): number {
  return escaped === undefined ? Buffer.byteLength(s) + 2 : Buffer.byteLength(escaped);
}

function writeJson(buf: Buffer, at: number, s: string, escaped: string | undefined): number {
  if (escaped !== undefined) return at + buf.write(escaped, at);
  buf[at] = QUOTE;
  const end = at + 1 + buf.write(s, at + 1);
  buf[end] = QUOTE;
  return end + 1;
}

/** The frame of message `turn` of conversation `seq` (whole numbers >= 0). */
export function msgFrame(seq: number, turn: number, text: string, locale: string): Buffer {
  const textEscaped = needsEscape(text) ? JSON.stringify(text) : undefined;
  const localeEscaped = needsEscape(locale) ? JSON.stringify(locale) : undefined;
  const seqDigits = digits(seq);
  const turnDigits = digits(turn);
  const length =
    HEAD.length +
    seqDigits +
    1 +
    turnDigits +
    CONV.length +
    seqDigits +
    TEXT.length +
    jsonLength(text, textEscaped) +
    LOCALE.length +
    jsonLength(locale, localeEscaped) +
    1;
  const buf = Buffer.allocUnsafe(length);
  let at = HEAD.copy(buf, 0);
  at = writeDigits(buf, at, seq, seqDigits);
  buf[at++] = 0x2d; // -
  at = writeDigits(buf, at, turn, turnDigits);
  at += CONV.copy(buf, at);
  at = writeDigits(buf, at, seq, seqDigits);
  at += TEXT.copy(buf, at);
  at = writeJson(buf, at, text, textEscaped);
  at += LOCALE.copy(buf, at);
  at = writeJson(buf, at, locale, localeEscaped);
  buf[at] = 0x7d; // }
  return buf;
}

/**
 * The conversation seq of a message id `${seq}-${turn}` as msgFrame writes it (decimal, no leading
 * zeros), or -1 for anything else; read in place, with no string or object made.
 */
export function messageIdSeq(id: unknown): number {
  if (typeof id !== 'string') return -1;
  const dash = id.indexOf('-');
  return dash < 0 || decimalAt(id, dash + 1, id.length) < 0 ? -1 : decimalAt(id, 0, dash);
}

/** The turn of a message id that messageIdSeq accepted. */
export function messageIdTurn(id: string): number {
  return decimalAt(id, id.indexOf('-') + 1, id.length);
}

/** The whole number written in `s` from `from` to `to` (decimal, no leading zero), or -1. */
function decimalAt(s: string, from: number, to: number): number {
  if (to <= from || to - from > 15 || (s.charCodeAt(from) === 0x30 && to - from > 1)) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}
