import { availableParallelism } from 'node:os';
import { usageError } from '../sim/errors.ts';
import { cst } from './data/clock.ts';

/** 2026-11-11 00:00 China time: the midnight the store's promotions are seeded around. */
export const STORE_DOUBLE11_MIDNIGHT_MS = cst(2026, 11, 11);

export interface ServerOptions {
  /** Address to bind; loopback unless you mean to expose it. @default '127.0.0.1' */
  host: string;
  /** TCP port; 0 picks a free one. @default 8080 */
  port: number;
  /** uWebSockets.js worker threads sharing the port (SO_REUSEPORT). @default os.availableParallelism() */
  threads: number;
  /** When set, every endpoint but /healthz needs `Authorization: Bearer <token>` or `?token=`. @default undefined */
  token: string | undefined;
  /** Largest message accepted, in bytes (WS frame or HTTP body); larger gets `too_large`. @default 16384 */
  maxPayloadBytes: number;
  /** Messages per second one socket may send, sustained. @default 50 */
  rateLimitPerSec: number;
  /** Messages one socket may send in a burst. @default 100 */
  rateLimitBurst: number;
  /** Error frames one socket may earn in 10 s before it is closed with 1008. @default 50 */
  abuseErrorLimit: number;
  /** Seconds a socket may stay silent (pings are sent automatically) before it is closed. @default 120 */
  idleTimeoutSec: number;
  /** Bytes queued to a slow reader before it is dropped. @default 1048576 */
  maxBackpressureBytes: number;
  /** Seconds an HTTP chat session lives after its last turn. @default 900 */
  sessionTtlSec: number;
  /** HTTP chat sessions kept per thread (least recently used go first). @default 100000 */
  maxHttpSessions: number;
  /** WebSocket connections one client address may hold over all threads; 0 for no cap. @default 10000 */
  maxConnsPerIp: number;
  /** Conversations one socket may hold open at once. @default 32 */
  maxConvsPerSocket: number;
  /** Record every turn, masked and sealed with AES-256-GCM, to `<path>.t<thread>`; key from PEAKDESK_TRANSCRIPT_KEY. @default undefined */
  transcriptsPath: string | undefined;
  /** Seed of the bot's store (catalog, orders, promotions). @default 20261111 */
  seed: number;
  /**
   * Join a port other `peakdesk serve` processes already listen on (SO_REUSEPORT) instead of
   * refusing a busy port: several processes go past one process's open-file limit. The kernel
   * spreads connections over them; the per-address cap and HTTP sessions are per process. @default false
   */
  reusePort: boolean;
  /**
   * The store's clock at server start, ms since epoch: answers (parcel progress, return and
   * price-protection windows, presale payment) are computed at this time plus the time the server has
   * run. The store is seeded around Double 11 2026, so by default its clock starts at 2026-11-11 00:00
   * China time and answers do not go stale as the real date moves on; `null` uses the wall clock.
   */
  storeClockStartMs: number | null;
}

export const serverDefaults: ServerOptions = {
  host: '127.0.0.1',
  port: 8080,
  threads: availableParallelism(),
  token: undefined,
  maxPayloadBytes: 16 * 1024,
  rateLimitPerSec: 50,
  rateLimitBurst: 100,
  abuseErrorLimit: 50,
  idleTimeoutSec: 120,
  maxBackpressureBytes: 1024 * 1024,
  sessionTtlSec: 900,
  maxHttpSessions: 100_000,
  maxConnsPerIp: 10_000,
  maxConvsPerSocket: 32,
  transcriptsPath: undefined,
  seed: 20261111,
  reusePort: false,
  storeClockStartMs: STORE_DOUBLE11_MIDNIGHT_MS,
};

function integer(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw usageError(`--${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
}

/** Resolves options once against the defaults and checks every rule, naming the option that breaks one. */
export function resolveServerOptions(input: Partial<ServerOptions>): ServerOptions {
  const defined = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const o = { ...serverDefaults, ...defined } satisfies ServerOptions;
  if (o.host.length === 0) throw usageError('--host must not be empty');
  integer('port', o.port, 0, 65535);
  integer('threads', o.threads, 1, 256);
  integer('max-payload', o.maxPayloadBytes, 64, 1024 * 1024);
  integer('rate-limit', o.rateLimitPerSec, 1, 1_000_000);
  integer('rate-burst', o.rateLimitBurst, 1, 2_000_000);
  integer('idle-timeout', o.idleTimeoutSec, 0, 3600);
  integer('max-conns-per-ip', o.maxConnsPerIp, 0, 10_000_000);
  integer('seed', o.seed, 0, 2 ** 32 - 1);
  if (o.reusePort && o.port === 0) throw usageError('--reuse-port needs a --port to share, not 0');
  if (o.token !== undefined && o.token.length < 8) {
    throw usageError(`--token must be at least 8 characters, got ${o.token.length}`);
  }
  return o;
}
