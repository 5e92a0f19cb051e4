import type { Command } from 'commander';
import { parseIntOption } from '../sim/cli-options.ts';
import { usageError } from '../sim/errors.ts';
import { startServer } from './server.ts';

/** `--store-clock`: "wall", or an ISO 8601 time with its offset. */
export function parseStoreClock(value: string): number | null {
  if (value === 'wall') return null;
  const ms = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms))
    throw usageError(
      `--store-clock must be "wall" or an ISO 8601 time like 2026-11-11T20:00+08:00, got "${value}"`,
    );
  return ms;
}

/** `peakdesk serve`: the reference bot server until SIGINT/SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('run the reference bot server (WS /chat, POST /v1/chat, GET /healthz, GET /metrics)')
    .option('--host <addr>', 'address to bind (loopback unless you mean to expose it)', '127.0.0.1')
    .option('--port <n>', 'TCP port, 0 for a free one', parseIntOption('--port'), 8080)
    .option(
      '--threads <n>',
      'server threads sharing the port (default: CPU count)',
      parseIntOption('--threads'),
    )
    .option('--token <t>', 'require Authorization: Bearer <t> or ?token=<t> (not for /healthz)')
    .option('--max-payload <bytes>', 'largest message accepted', parseIntOption('--max-payload'), 16384)
    .option(
      '--rate-limit <n>',
      'messages per second per socket, sustained',
      parseIntOption('--rate-limit'),
      50,
    )
    .option(
      '--idle-timeout <s>',
      'close a socket silent this long (0: never)',
      parseIntOption('--idle-timeout'),
      120,
    )
    .option(
      '--max-conns-per-ip <n>',
      'WebSocket connections one address may hold over all threads (0: no cap)',
      parseIntOption('--max-conns-per-ip'),
      10000,
    )
    .option(
      '--record-transcripts <path>',
      'record turns, masked and sealed with AES-256-GCM, to <path>.t<thread> (key: $PEAKDESK_TRANSCRIPT_KEY)',
    )
    .option(
      '--store-clock <time>',
      'the store\'s clock at start, ISO 8601 (e.g. 2026-11-11T20:00+08:00), or "wall" for the real clock',
      '2026-11-11T00:00+08:00',
    )
    .option(
      '--reuse-port',
      'join a port other peakdesk serve processes listen on (past one process’s open-file limit)',
    )
    .option(
      '--seed <n>',
      'seed of the bot store (catalog, orders, promotions)',
      parseIntOption('--seed'),
      20261111,
    )
    .addHelpText(
      'after',
      '\nStops on SIGINT/SIGTERM: stops accepting, closes sockets with 1001, exits 0 within 5 s.\n' +
        'Example: peakdesk serve --port 8080 --threads 2 --token "$PEAKDESK_TOKEN"',
    )
    .action(async (opts: Record<string, unknown>) => {
      const server = await startServer({
        host: opts.host as string,
        port: opts.port as number,
        threads: opts.threads as number | undefined,
        token: (opts.token as string | undefined) ?? process.env.PEAKDESK_TOKEN,
        maxPayloadBytes: opts.maxPayload as number,
        rateLimitPerSec: opts.rateLimit as number,
        rateLimitBurst: (opts.rateLimit as number) * 2,
        idleTimeoutSec: opts.idleTimeout as number,
        maxConnsPerIp: opts.maxConnsPerIp as number,
        transcriptsPath: opts.recordTranscripts as string | undefined,
        seed: opts.seed as number,
        reusePort: opts.reusePort === true,
        storeClockStartMs: parseStoreClock(opts.storeClock as string),
      });
      const { threads, token } = server.options;
      process.stdout.write(
        `peakdesk serve: listening on ${server.url} (WS ${server.wsUrl}, ${threads} thread${threads === 1 ? '' : 's'}${token === undefined ? '' : ', token required'})\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = (signal: string): void => {
          process.stdout.write(`peakdesk serve: ${signal}, closing sockets\n`);
          void server.stop().then(resolve);
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      process.stdout.write('peakdesk serve: stopped\n');
    });
}
