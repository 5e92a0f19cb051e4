// What the WebSocket driver thread allocates per message and how its young-generation GCs pause it, driving
// the bare uWS echo server (in a worker) as a max-rate step does: bytes per message (V8's sampling heap
// profiler inside the driver thread, garbage included), the functions that allocate most, and the number
// and pauses of scavenges in a window after a warm-up. Every driver pause lands in the measured latency of
// the messages in flight, so these figures bound how much of a p99 is the driver's own.
//   node bin/run-ts.js bench/driver-alloc.ts [--rate 5000] [--seconds 10] [--top 15] [--gc-only | --live]
// --gc-only times the GCs without the heap profiler (whose bookkeeping adds to each scavenge).
// --live samples only what the window allocated and is still alive at its end: what scavenges copy and
// promote, the share of their pauses that grows with live objects rather than with garbage.
import { BroadcastChannel } from 'node:worker_threads';
import { startLoad } from '../sim/engine/load-engine.ts';
import { numberArg } from './args.ts';
import { PROBE_CHANNEL, type ProbeResult, type ProbeSpec } from './driver-alloc-probe.ts';
import { tallyByFunction } from './heap-sampling.ts';
import { startInWorker } from './in-worker.ts';
import { BENCH_DRIVER } from './max-rate.ts';
import { median } from './stats.ts';
import { BENCH_TEXTS } from './texts.ts';

const rate = numberArg('rate', 5000);
const seconds = numberArg('seconds', 10);
const top = numberArg('top', 15, { integer: true });
const gcOnly = process.argv.includes('--gc-only');
const liveOnly = process.argv.includes('--live');
const WARMUP_MS = 2000;
if (seconds * 1000 <= WARMUP_MS + 1000) {
  process.stderr.write(`--seconds must be > ${WARMUP_MS / 1000 + 1}, got ${seconds}\n`);
  process.exit(2);
}

const echo = await startInWorker(new URL('./servers/echo-uws.ts', import.meta.url));

const turns = 10;
const spec: ProbeSpec = {
  steady: { convPerSec: rate / turns, turns, thinkMs: 100, durationMs: seconds * 1000, texts: BENCH_TEXTS },
  warmupMs: WARMUP_MS,
  // the window closes before the last arrivals, while the load is still steady
  windowMs: seconds * 1000 - WARMUP_MS - 500,
  sampleAllocations: !gcOnly,
  liveOnly,
};
const channel = new BroadcastChannel(PROBE_CHANNEL);
const probed = new Promise<ProbeResult>((resolve) => {
  channel.onmessage = (event) => resolve((event as { data: ProbeResult }).data);
});
const run = await startLoad({
  target: echo.url,
  workloadModule: new URL('./driver-alloc-probe.ts', import.meta.url).href,
  workloadSpec: spec,
  ...BENCH_DRIVER,
});
const result = await probed;
channel.close();
const totals = await run.done;
await echo.stop();

const ms = (xs: number[], f: (xs: number[]) => number): string => (xs.length === 0 ? '-' : f(xs).toFixed(2));
const perSec = (result.replies / result.windowMs) * 1000;
const lines = [
  `driver thread at ${rate}/s offered, ${(result.windowMs / 1000).toFixed(1)} s window after ${WARMUP_MS / 1000} s warm-up: ${result.replies} replies (${perSec.toFixed(0)}/s)`,
  `  scavenges ${result.scavengeMs.length} (${((result.scavengeMs.length / result.windowMs) * 1000).toFixed(2)}/s), pause median ${ms(result.scavengeMs, median)} ms, max ${ms(result.scavengeMs, (xs) => Math.max(...xs))} ms, total ${ms(result.scavengeMs, (xs) => xs.reduce((a, b) => a + b, 0))} ms`,
  `  other GCs ${result.otherGcMs.length}, max ${ms(result.otherGcMs, (xs) => Math.max(...xs))} ms`,
  `  run: sent ${totals.counters.messagesSent}, replies ${totals.counters.replies}, failed ${totals.counters.failed}, dropped ${totals.counters.dropped}`,
];

if (result.profile !== undefined) {
  const { total, byFunction } = tallyByFunction(result.profile, ({ functionName, url, lineNumber }) => {
    const file = url.replace(/^.*\/(node_modules\/[^/]+\/)?/, '$1');
    return `${functionName === '' ? '(anonymous)' : functionName} ${file}${lineNumber > 0 ? `:${lineNumber + 1}` : ''}`;
  });
  if (liveOnly) {
    lines.push(`  allocated in the window and alive at its end (sampled): ${(total / 1024).toFixed(0)} KiB`);
  } else {
    lines.push(
      `  allocated per message (sampled, garbage included): ${(total / result.replies).toFixed(0)} B`,
    );
  }
  for (const [name, bytes] of byFunction.slice(0, top)) {
    const figure = liveOnly ? `${(bytes / 1024).toFixed(0)} KiB` : `${(bytes / result.replies).toFixed(0)} B`;
    lines.push(`  ${figure.padStart(9)}  ${name}`);
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
