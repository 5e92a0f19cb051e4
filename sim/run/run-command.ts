import type { Command } from 'commander';
import { parseIntOption, parseNumberOption } from '../cli-options.ts';
import {
  DEFAULT_CONNECTIONS,
  isHttpTarget,
  loadOptionsProblem,
  MAX_SEND_QUANTUM_MS,
} from '../engine/load-engine.ts';
import { usageError } from '../errors.ts';
import { executeRun } from './run.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `peakdesk run [SCENARIO]`: replay a promotion against a bot; `npm start` runs the Double-11 demo. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('replay a scenario against a bot (an embedded reference server unless --target)')
    .argument(
      '[scenario]',
      'built-in name (double11, double11-peak, 618, flash-sale, steady) or a .ts/.js/.json path',
      'double11',
    )
    .option(
      '--speed <x>',
      'scenario seconds per wall second (e.g. 720 plays 24 h in 2 min)',
      parseNumberOption('--speed'),
    )
    .option(
      '--scale <f>',
      'fraction of the real volume to replay (e.g. 0.0001)',
      parseNumberOption('--scale'),
    )
    .option('--window <HH:MM-HH:MM>', 'replay only this part of the scenario span')
    .option('--duration <d>', 'cap on wall time, e.g. 2m; alone it sets --speed so the window fits')
    .option(
      '--target <url>',
      'the bot to test: ws://host:port/chat, or http://host:port/v1/chat to replay over HTTP (default: embedded reference server)',
    )
    .option('--token <t>', 'bearer token for --target (or $PEAKDESK_TOKEN)')
    .option(
      '--connections <n>',
      'keep-alive connections to an http:// target (messages due while all are busy wait, in their latency)',
      parseIntOption('--connections'),
    )
    .option('--seed <n>', 'seed of arrivals, customers and the store', parseIntOption('--seed'), 1)
    .option(
      '--store-seed <n>',
      "seed of the bot's store: the embedded server's, and the orders customers ask about (match the target's serve --seed)",
      parseIntOption('--store-seed'),
      20261111,
    )
    .option('--out <dir>', 'where results/<run-id>/ goes', 'results')
    .option('--no-tui', 'plain progress lines instead of the live dashboard (also when stdout is not a TTY)')
    .option(
      '--threshold <expr>',
      'k6-style pass/fail, repeatable: p99<200ms, bot_resolution>0.7, dropped<0.1%',
      collect,
      [],
    )
    .option('--drivers <n>', 'load generator threads', parseIntOption('--drivers'), 1)
    .option(
      '--driver-processes',
      'run the drivers as child processes instead of threads (each process may hold ~20k sockets here)',
    )
    .option(
      '--reuse-sockets',
      'WebSocket: hand a socket to the next conversation when one ends, instead of a new socket per customer',
    )
    .option(
      '--convs-per-socket <n>',
      'WebSocket: conversations multiplexed on one socket, as a gateway in front of the bot would (implies --reuse-sockets; a --target must allow that many per socket: serve --rate-limit)',
      parseIntOption('--convs-per-socket'),
    )
    .option(
      '--send-quantum <ms>',
      `send the messages due within this many ms together, up to that much early (0 to ${MAX_SEND_QUANTUM_MS}; ` +
        'an early message is measured from its actual send, a late one from its intended time); 0 times every message exactly ' +
        'but spins through each last millisecond, at 2-3× the generator CPU',
      parseNumberOption('--send-quantum'),
      1,
    )
    .option('--server-threads <n>', 'threads of the embedded server', parseIntOption('--server-threads'), 1)
    .option(
      '--interval <minutes>',
      'scenario minutes per staffing interval (15, 30 or 60)',
      parseIntOption('--interval'),
      15,
    )
    .option(
      '--max-conversations <n>',
      'open conversations allowed; arrivals past it are dropped',
      parseIntOption('--max-conversations'),
      50_000,
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  peakdesk run                                  # Double-11 day in about 2 minutes, embedded bot, dashboard',
        '  peakdesk run double11-peak --scale 0.001 --no-tui',
        '  peakdesk run double11 --window 19:30-21:00 --duration 90s --threshold "p99<50ms"',
        '  peakdesk run steady --target ws://127.0.0.1:8080/chat --token "$PEAKDESK_TOKEN"',
        '  peakdesk run steady --target http://127.0.0.1:8080/v1/chat --connections 32',
        '',
        "Latency is measured from each message's intended send time (open model, no coordinated omission).",
        'Exit codes: 0 ok, 1 error, 2 bad usage or input, 99 a threshold failed.',
      ].join('\n'),
    )
    .action(async (scenario: string, opts: Record<string, unknown>) => {
      const interval = opts.interval as number;
      if (![15, 30, 60].includes(interval))
        throw usageError(`--interval must be 15, 30 or 60, got ${interval}`);
      const target = opts.target as string | undefined;
      if (target !== undefined && (!/^(wss?|https?):\/\/[^/]+\/.*/i.test(target) || !URL.canParse(target))) {
        throw usageError(
          '--target must be a ws://, wss://, http:// or https:// URL with a path, like ' +
            `ws://127.0.0.1:8080/chat or http://127.0.0.1:8080/v1/chat, got "${target}"`,
        );
      }
      const http = isHttpTarget(target);
      const connections = opts.connections as number | undefined;
      if (connections !== undefined && !http)
        throw usageError('--connections applies to an http:// or https:// --target only');
      const drivers = opts.drivers as number;
      const convsPerSocket = opts.convsPerSocket as number | undefined;
      const wsOnly = ['reuseSockets', 'convsPerSocket'].filter((k) => opts[k] !== undefined);
      if (http && wsOnly.length > 0) {
        const flag = (k: string): string => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
        throw usageError(`${wsOnly.map(flag).join(', ')} applies to a ws:// or wss:// target only`);
      }
      const sendQuantumMs = opts.sendQuantum as number;
      const problem = loadOptionsProblem({
        drivers,
        convsPerSocket: convsPerSocket ?? 1,
        connections: connections ?? DEFAULT_CONNECTIONS,
        sendQuantumMs,
        http,
      });
      if (problem !== undefined) throw usageError(problem);
      const code = await executeRun({
        scenario,
        speed: opts.speed as number | undefined,
        scale: opts.scale as number | undefined,
        window: opts.window as string | undefined,
        duration: opts.duration as string | undefined,
        target,
        token: (opts.token as string | undefined) ?? process.env.PEAKDESK_TOKEN,
        seed: opts.seed as number,
        storeSeed: opts.storeSeed as number,
        out: opts.out as string,
        tui: opts.tui as boolean,
        thresholds: opts.threshold as string[],
        drivers,
        serverThreads: opts.serverThreads as number,
        intervalMinutes: interval,
        maxConversations: opts.maxConversations as number,
        connections: connections ?? DEFAULT_CONNECTIONS,
        reuseSockets: opts.reuseSockets === true,
        convsPerSocket: convsPerSocket ?? 1,
        driverProcesses: opts.driverProcesses === true,
        sendQuantumMs,
      });
      process.exitCode = code;
    });
}
