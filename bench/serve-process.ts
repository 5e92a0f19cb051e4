// `peakdesk serve` as a child process for the benchmarks that measure a server apart from the driver
// (memory per socket, the soak, the 100k-connection hold), and the RSS of a process from /proc.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const BIN = new URL('../bin/peakdesk.js', import.meta.url).pathname;

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  /** SIGTERM, resolved once the process has exited. */
  stop(): Promise<void>;
}

/** Starts `peakdesk serve ARGS…` and resolves with the port it printed it listens on. */
export function startServeProcess(args: string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(d.toString());
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
    child.once('exit', (code) => reject(new Error(`peakdesk serve exited with ${code}`)));
  });
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
