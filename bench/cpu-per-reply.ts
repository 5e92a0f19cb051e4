// Server CPU per reply at a fixed offered rate: a server in a process of its own, the open-model
// driver here, CPU time from /proc/<pid>/stat over the measured seconds ÷ replies in them. Unlike a
// max-rate search this barely moves with the shared host's hiccups. Used by `npm run bench` and by
// bench/server-cost.ts (the command line, with profiles).
import { startLoad } from '../sim/engine/load-engine.ts';
import { BENCH_DRIVER, WARMUP_SEC } from './max-rate.ts';
import {
  cpuMsOf,
  type ServeProcess,
  startEchoProcess,
  startServeProcess,
  startWsBotProcess,
  startWsEchoProcess,
} from './serve-process.ts';
import { median } from './stats.ts';
import { BENCH_TEXTS } from './texts.ts';
import type { SteadySpec } from './workloads/steady.ts';

const STEADY = new URL('./workloads/steady.ts', import.meta.url).href;

/** `peakdesk serve` (uWS), the bare uWS echo, the same brain behind `ws`, and an echo on `ws`. */
export const SERVERS = ['bot', 'echo', 'ws-bot', 'ws-echo'] as const;
export type Server = (typeof SERVERS)[number];
const START: Record<Server, (nodeArgs: string[]) => Promise<ServeProcess>> = {
  bot: (nodeArgs) =>
    startServeProcess(['--port', '0', '--threads', '1', '--rate-limit', '1000000'], nodeArgs),
  echo: startEchoProcess,
  'ws-bot': startWsBotProcess,
  'ws-echo': startWsEchoProcess,
};

export interface CostRun {
  replies: number;
  measuredSec: number;
  serverCpuMs: number;
  /** Server CPU µs per reply over the measured seconds. */
  microsPerReply: number;
  failed: number;
}

/** One fresh server process driven at `perSec` for `seconds` (plus the warm-up, not measured). */
export async function measureServerCost(
  perSec: number,
  seconds: number,
  server: Server,
  profileDir?: string,
): Promise<CostRun> {
  const nodeArgs = profileDir === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profileDir];
  const serve: ServeProcess = await START[server](nodeArgs);
  const pid = serve.child.pid as number;
  try {
    const turns = 10;
    const spec: SteadySpec = {
      convPerSec: perSec / turns,
      turns,
      thinkMs: 100,
      durationMs: (seconds + WARMUP_SEC) * 1000,
      texts: BENCH_TEXTS,
    };
    const endSec = spec.durationMs / 1000;
    let cpuStart: number | undefined;
    let cpuEnd = 0;
    let startSec = 0;
    let endAtSec = 0;
    let replies = 0;
    const run = await startLoad({
      target: `ws://127.0.0.1:${serve.port}/chat`,
      drivers: 1,
      workloadModule: STEADY,
      workloadSpec: spec,
      ...BENCH_DRIVER,
      onSample: (sample) => {
        if (sample.realSec < WARMUP_SEC || sample.realSec > endSec + 0.5) return;
        if (cpuStart === undefined) {
          cpuStart = cpuMsOf(pid);
          startSec = sample.realSec;
          return;
        }
        cpuEnd = cpuMsOf(pid);
        endAtSec = sample.realSec;
        replies += sample.counters.replies;
      },
    });
    const totals = await run.done;
    const serverCpuMs = cpuEnd - (cpuStart ?? cpuEnd);
    return {
      replies,
      measuredSec: endAtSec - startSec,
      serverCpuMs,
      microsPerReply: replies === 0 ? 0 : (serverCpuMs * 1000) / replies,
      failed: totals.counters.failed,
    };
  } finally {
    await serve.stop();
  }
}

export interface CpuPerReply {
  rate: number;
  seconds: number;
  /** Every run's µs per reply, by server. */
  runs: Record<string, number[]>;
  /** Median µs per reply, by server. */
  median: Record<string, number>;
  /** Replies per CPU-second of the bot as a share of the uWS echo's (echo µs ÷ bot µs). */
  botVsEcho: number | null;
  /** The uWS bot's replies per CPU-second over the `ws` bot's. */
  uwsVsWsBot: number | null;
  /** The same for the two echo servers: the frameworks without the brain. */
  uwsVsWsEcho: number | null;
}

/** Each server in turn, `runs` rounds, at `rate` for `seconds`; `onRun` hears each run. */
export async function measureCpuPerReply(
  servers: readonly Server[],
  rate: number,
  seconds: number,
  runs: number,
  onRun: (run: number, server: Server, c: CostRun) => void = () => undefined,
  profileDir?: string,
): Promise<CpuPerReply> {
  const byServer = new Map<Server, number[]>(servers.map((s) => [s, []]));
  for (let r = 1; r <= runs; r++) {
    for (const server of servers) {
      const c = await measureServerCost(rate, seconds, server, profileDir);
      byServer.get(server)?.push(c.microsPerReply);
      onRun(r, server, c);
    }
  }
  const med = new Map([...byServer].map(([s, xs]) => [s, median(xs)]));
  /** How many replies `a` gives per CPU-second for one of `b`'s. */
  const per = (a: Server, b: Server): number | null => {
    const x = med.get(a);
    const y = med.get(b);
    return x === undefined || y === undefined || x === 0 ? null : Math.round((y / x) * 100) / 100;
  };
  return {
    rate,
    seconds,
    runs: Object.fromEntries(byServer),
    median: Object.fromEntries([...med].map(([s, m]) => [s, Math.round(m * 10) / 10])),
    botVsEcho: per('bot', 'echo'),
    uwsVsWsBot: per('bot', 'ws-bot'),
    uwsVsWsEcho: per('echo', 'ws-echo'),
  };
}
