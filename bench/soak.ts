// `npm run soak [-- --minutes 30 --rate auto|N]`: a steady load against a `peakdesk serve` child
// process for a long time (by default at half the capacity it measures first), sampling the RSS of the server and of this (driver) process every 10 s.
// Passes when there are no errors, no failed or dropped conversations, and RSS is flat: the last
// third's median within 10% (or 20 MiB) of the middle third's. Writes results/soak-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startLoad } from '../sim/engine/load-engine.ts';
import { summarizeMs } from '../sim/metrics/latency.ts';
import { numberArg } from './args.ts';
import { runStep } from './max-rate.ts';
import { rssOf, startServeProcess } from './serve-process.ts';
import type { SteadySpec } from './workloads/steady.ts';

const SATURATION_PER_SEC = 20_000;

const STEADY = new URL('./workloads/steady.ts', import.meta.url).href;

const minutes = numberArg('minutes', 30);
/** Messages/s; 0 (`auto`, the default) = half of the server's capacity, measured first. */
const rateArg = numberArg('rate', 0, { fallbackWord: 'auto' });

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

// driver sockets carry 32 conversations each: the per-socket rate limit is lifted
const serve = await startServeProcess(['--port', '0', '--threads', '1', '--rate-limit', '1000000']);
const { child, port } = serve;

const url = `ws://127.0.0.1:${port}/chat`;
const TEXTS = [
  '我的快递到哪了 E2026111100012345',
  '这件羽绒服有L码吗',
  '跨店满减和优惠券能一起用吗',
  'I want to return my shoes',
  '价保怎么申请',
  '你好',
];
/** Capacity: replies/s when offered far more than the server can take (the same driver settings). */
let capacityPerSec: number | null = null;
if (rateArg === 0) {
  process.stderr.write(`soak: measuring the server's capacity (offered ${SATURATION_PER_SEC} msgs/s)\n`);
  const step = await runStep(url, SATURATION_PER_SEC, { target: url, texts: TEXTS, stepMs: 8000 });
  capacityPerSec = step.achievedPerSec;
  process.stderr.write(`soak: capacity ${capacityPerSec} msgs/s; soaking at half\n`);
}
const rate = rateArg === 0 ? Math.max(100, Math.round((capacityPerSec ?? 0) / 2)) : rateArg;

const spec: SteadySpec = {
  convPerSec: rate / 10,
  turns: 10,
  thinkMs: 500,
  durationMs: minutes * 60_000,
  texts: TEXTS,
};
const samples: { t: number; serverRss: number; driverRss: number; p99: number; active: number }[] = [];
let lastSample = 0;
const run = await startLoad({
  target: url,
  workloadModule: STEADY,
  workloadSpec: spec,
  drainMs: 10_000,
  socketReuse: true,
  convsPerSocket: 32,
  sendQuantumMs: 1,
  onSample(s) {
    if (s.realSec - lastSample < 10) return;
    lastSample = s.realSec;
    const row = {
      t: Math.round(s.realSec),
      serverRss: rssOf(child.pid as number),
      driverRss: process.memoryUsage().rss,
      p99: summarizeMs(s.latency).p99,
      active: s.active,
    };
    samples.push(row);
    process.stderr.write(
      `soak ${row.t}s: server RSS ${(row.serverRss / 2 ** 20).toFixed(1)} MiB, driver RSS ${(row.driverRss / 2 ** 20).toFixed(1)} MiB, p99 ${row.p99} ms, open ${row.active}\n`,
    );
  },
});
const totals = await run.done;
await serve.stop();

const third = Math.max(1, Math.floor(samples.length / 3));
const flat = (key: 'serverRss' | 'driverRss'): { middle: number; last: number; ok: boolean } => {
  const middle = median(samples.slice(third, 2 * third).map((s) => s[key]));
  const last = median(samples.slice(2 * third).map((s) => s[key]));
  // a run too short for three thirds of samples (one each 10 s) cannot show RSS flat
  const judged = samples.length >= 3;
  return { middle, last, ok: judged && last - middle <= Math.max(0.1 * middle, 20 * 2 ** 20) };
};
const c = totals.counters;
const errors = Object.values(c.errors).reduce((a, b) => a + b, 0);
const result = {
  date: new Date().toISOString(),
  command: `npm run soak -- --minutes ${minutes} --rate ${rateArg === 0 ? 'auto' : rate}`,
  capacityPerSec,
  ratePerSec: rate,
  messages: c.messagesSent,
  replies: c.replies,
  errors,
  failed: c.failed,
  dropped: c.dropped,
  latency: summarizeMs(totals.latency),
  serverRss: flat('serverRss'),
  driverRss: flat('driverRss'),
  samples,
};
const ok = errors === 0 && c.failed === 0 && c.dropped === 0 && result.serverRss.ok && result.driverRss.ok;
mkdirSync('results', { recursive: true });
const file = `results/soak-${result.date.slice(0, 10)}.json`;
writeFileSync(file, `${JSON.stringify({ ...result, ok }, null, 2)}\n`);
const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
process.stdout.write(
  `soak ${minutes} min at ${rate} msgs/s: ${c.replies} replies, ${errors} errors, ${c.failed} failed, ${c.dropped} dropped; ` +
    `p99 ${result.latency.p99} ms; server RSS ${mib(result.serverRss.middle)} → ${mib(result.serverRss.last)}, ` +
    `driver RSS ${mib(result.driverRss.middle)} → ${mib(result.driverRss.last)}: ${ok ? 'PASS' : 'FAIL'}\nwritten: ${file}\n`,
);
process.exitCode = ok ? 0 : 1;
