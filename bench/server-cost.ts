// Server CPU per reply at a fixed offered rate: `peakdesk serve` (one thread) in its own process, the
// open-model driver here, CPU time from /proc/<pid>/stat over the measured seconds ÷ replies in them.
// Unlike a max-rate search this barely moves with the shared host's hiccups.
//   node bin/run-ts.js bench/server-cost.ts [--rate 3000] [--seconds 20] [--runs 3] [--cpu-prof DIR]
//     [--server bot|echo|ws-bot|ws-echo|all] [--echo]
// --server picks what is measured: `bot` is `peakdesk serve` (uWS); `echo` the bare uWS echo server
// (bench/servers/echo-process.ts), the floor the bot's µs/reply are compared against (a max-rate ratio
// bot/echo is roughly echo µs ÷ bot µs); `ws-bot` the same brain behind a `ws`-library server and
// `ws-echo` the echo on `ws` (bench/servers/ws-*.ts), for uWS vs ws with and without the brain; `all`
// runs the four in turn, round by round, and prints the ratios. --echo is `--server echo`.
// With --cpu-prof the serve process writes a V8 profile per thread into DIR (read with
// bench/profile-top.ts); profiling slows the server, so its µs/reply are not comparable with runs without.
import { startLoad } from '../sim/engine/load-engine.ts';
import { numberArg } from './args.ts';
import { WARMUP_SEC } from './max-rate.ts';
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

const SERVERS = ['bot', 'echo', 'ws-bot', 'ws-echo'] as const;
type Server = (typeof SERVERS)[number];
const START: Record<Server, (nodeArgs: string[]) => Promise<ServeProcess>> = {
  bot: (nodeArgs) =>
    startServeProcess(['--port', '0', '--threads', '1', '--rate-limit', '1000000'], nodeArgs),
  echo: startEchoProcess,
  'ws-bot': startWsBotProcess,
  'ws-echo': startWsEchoProcess,
};

interface CostRun {
  replies: number;
  measuredSec: number;
  serverCpuMs: number;
  /** Server CPU µs per reply over the measured seconds. */
  microsPerReply: number;
  failed: number;
}

/** One fresh server process driven at `perSec` for `seconds` (plus the warm-up, not measured). */
async function measureServerCost(
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
      drainMs: 3000,
      replyTimeoutMs: 5000,
      socketReuse: true,
      convsPerSocket: 32,
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

const rate = numberArg('rate', 3000);
const seconds = numberArg('seconds', 20);
const runs = numberArg('runs', 3, { integer: true });
const i = process.argv.indexOf('--cpu-prof');
const profileDir = i < 0 ? undefined : process.argv[i + 1];
const j = process.argv.indexOf('--server');
const chosen = process.argv.includes('--echo') ? 'echo' : j < 0 ? 'bot' : (process.argv[j + 1] ?? '');
if (chosen !== 'all' && !(SERVERS as readonly string[]).includes(chosen)) {
  process.stderr.write(`--server must be one of ${SERVERS.join(', ')} or all, got "${chosen}"\n`);
  process.exit(2);
}
const servers: Server[] = chosen === 'all' ? [...SERVERS] : [chosen as Server];
const results = new Map<Server, CostRun[]>(servers.map((s) => [s, []]));
for (let r = 1; r <= runs; r++) {
  for (const server of servers) {
    const c = await measureServerCost(rate, seconds, server, profileDir);
    results.get(server)?.push(c);
    process.stderr.write(
      `run ${r} ${server}: ${c.replies} replies in ${c.measuredSec.toFixed(1)} s (${Math.round(c.replies / c.measuredSec)}/s), server CPU ${Math.round(c.serverCpuMs)} ms, ${c.microsPerReply.toFixed(1)} µs/reply${c.failed > 0 ? `, ${c.failed} failed` : ''}\n`,
    );
  }
}
const medians = new Map<Server, number>();
for (const [server, runsOf] of results) {
  const med = median(runsOf.map((c) => c.microsPerReply));
  medians.set(server, med);
  process.stdout.write(
    `${server} server CPU per reply at ${rate} msgs/s: median ${med.toFixed(1)} µs [${runsOf.map((c) => c.microsPerReply.toFixed(1)).join(', ')}]\n`,
  );
}
/** How many replies `a` gives per CPU-second for one of `b`'s (b's µs ÷ a's µs). */
const per = (a: Server, b: Server): string | undefined => {
  const x = medians.get(a);
  const y = medians.get(b);
  return x === undefined || y === undefined || x === 0 ? undefined : (y / x).toFixed(2);
};
for (const [a, b, what] of [
  ['bot', 'echo', 'bot replies per CPU-second as a share of echo (target >= 0.50)'],
  ['bot', 'ws-bot', 'uWS bot vs ws bot, replies per CPU-second (target >= 2)'],
  ['echo', 'ws-echo', 'uWS echo vs ws echo, replies per CPU-second (the frameworks alone)'],
] as const) {
  const ratio = per(a, b);
  if (ratio !== undefined) process.stdout.write(`${what}: ${ratio}\n`);
}
