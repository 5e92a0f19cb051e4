// `peakdesk serve` as a child process for the benchmarks that measure a server apart from the driver
// (memory per socket, the soak, the 100k-connection hold), and the RSS of a process from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const BIN = new URL('../bin/peakdesk.js', import.meta.url).pathname;
const RUN_TS = new URL('../bin/run-ts.js', import.meta.url).pathname;
const ECHO = new URL('./servers/echo-process.ts', import.meta.url).pathname;
const WS_BOT = new URL('./servers/ws-bot.ts', import.meta.url).pathname;
const WS_ECHO = new URL('./servers/ws-echo.ts', import.meta.url).pathname;
/** USER_HZ of /proc/<pid>/stat: 100 on every Linux build this runs on (`getconf CLK_TCK`). */
const CLOCK_TICKS_PER_SEC = 100;

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  /** SIGTERM, resolved once the process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts `peakdesk serve ARGS…` and resolves with the port it printed it listens on; `nodeArgs` go to
 * node itself (e.g. `--cpu-prof`).
 */
export function startServeProcess(args: string[], nodeArgs: string[] = []): Promise<ServeProcess> {
  return startListening([...nodeArgs, BIN, 'serve', ...args], /listening on http:\/\/127\.0\.0\.1:(\d+)/);
}

/** Starts the bot brain behind a `ws`-library server (bench/servers/ws-bot.ts) as a process of its own. */
export function startWsBotProcess(nodeArgs: string[] = []): Promise<ServeProcess> {
  return startListening([...nodeArgs, RUN_TS, WS_BOT], /^port (\d+)$/m);
}

/** Starts the echo server on the `ws` library (bench/servers/ws-echo.ts) as a process of its own. */
export function startWsEchoProcess(nodeArgs: string[] = []): Promise<ServeProcess> {
  return startListening([...nodeArgs, RUN_TS, WS_ECHO], /^port (\d+)$/m);
}

/** Starts the bare uWS echo server (bench/servers/echo-process.ts) as a process of its own. */
export function startEchoProcess(nodeArgs: string[] = []): Promise<ServeProcess> {
  return startListening([...nodeArgs, RUN_TS, ECHO], /^port (\d+)$/m);
}

function startListening(nodeArgs: string[], listening: RegExp): Promise<ServeProcess> {
  const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = listening.exec(d.toString());
      if (m === null) return;
      resolve({
        child,
        port: Number(m[1]),
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`${nodeArgs.join(' ')} exited with ${code}`)));
  });
}

/** CPU time (user + system, all threads) a process has used, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces: utime, stime are 14, 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SEC;
}

/** Resident set size of a process in bytes; 0 once it has gone. */
export function rssOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return Number(m?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}
