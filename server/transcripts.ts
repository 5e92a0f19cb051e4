// Encrypted transcripts: one JSON line per turn, each sealed on its own with AES-256-GCM so a file cut
// short by a crash still decrypts line by line. Text is masked (phones, ID numbers, emails, addresses)
// before it is sealed: the key protects what is left, it does not excuse keeping PII.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { PeakdeskError, usageError } from '../sim/errors.ts';

export const TRANSCRIPT_KEY_ENV = 'PEAKDESK_TRANSCRIPT_KEY';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface TranscriptTurn {
  /** ms since epoch */
  t: number;
  conv: string;
  /** Customer text, masked. */
  text: string;
  /** Bot reply text, masked. */
  reply: string;
  intent: string;
  action: string;
  resolved: boolean;
  queue?: string;
}

export interface TranscriptHeader {
  format: 'peakdesk-transcripts';
  version: 1;
  cipher: 'aes-256-gcm';
  /** First 8 bytes of SHA-256 of the key, hex: tells which key a file needs without revealing it. */
  keyId: string;
}

/** The 32-byte key from `PEAKDESK_TRANSCRIPT_KEY` (64 hex chars or base64 of 32 bytes). */
export function transcriptKey(env: NodeJS.ProcessEnv = process.env): Buffer {
  const raw = env[TRANSCRIPT_KEY_ENV];
  if (raw === undefined || raw === '') {
    throw usageError(
      `${TRANSCRIPT_KEY_ENV} must hold a 32-byte key (64 hex chars or base64) to record or read transcripts; make one with: openssl rand -hex 32`,
    );
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (key.length !== 32) throw usageError(`${TRANSCRIPT_KEY_ENV} must decode to 32 bytes, got ${key.length}`);
  return key;
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function transcriptHeader(key: Buffer): string {
  const header: TranscriptHeader = {
    format: 'peakdesk-transcripts',
    version: 1,
    cipher: 'aes-256-gcm',
    keyId: keyId(key),
  };
  return JSON.stringify(header);
}

/** base64(iv ‖ ciphertext ‖ tag) of the turn's JSON. */
export function sealTurn(key: Buffer, turn: TranscriptTurn): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(turn), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
}

export function openTurn(key: Buffer, line: string): TranscriptTurn {
  const raw = Buffer.from(line, 'base64');
  if (raw.length < IV_BYTES + TAG_BYTES)
    throw new PeakdeskError('transcript line is too short to be sealed data');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as TranscriptTurn;
}

/** Decrypts a whole file's text: header check, then every sealed line; a torn last line is reported, not fatal. */
export function openTranscript(
  key: Buffer,
  fileText: string,
): { turns: TranscriptTurn[]; tornLastLine: boolean } {
  const lines = fileText.split('\n').filter((l) => l.length > 0);
  const header = JSON.parse(lines[0] ?? '{}') as Partial<TranscriptHeader>;
  if (header.format !== 'peakdesk-transcripts')
    throw new PeakdeskError('not a peakdesk transcript file (no header line)');
  if (header.keyId !== keyId(key)) {
    throw new PeakdeskError(
      `this file was sealed with key ${header.keyId}, not with the key in ${TRANSCRIPT_KEY_ENV} (${keyId(key)})`,
    );
  }
  const turns: TranscriptTurn[] = [];
  let tornLastLine = false;
  const body = lines.slice(1);
  body.forEach((line, i) => {
    try {
      turns.push(openTurn(key, line));
    } catch (err) {
      if (i === body.length - 1 && !fileText.endsWith('\n')) tornLastLine = true;
      else
        throw new PeakdeskError(
          `transcript line ${i + 2} does not decrypt (tampered, or another key): ${(err as Error).message}`,
        );
    }
  });
  return { turns, tornLastLine };
}
