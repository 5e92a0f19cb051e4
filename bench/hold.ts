// `npm run bench:connections [-- --sockets 100000]`: holds that many concurrent WebSockets on this
// machine, each a customer conversation with its own socket, against the bot server. One process may
// open 20,000 files here, so the sockets are spread over driver processes (`driverProcesses`) and
// over `peakdesk serve --reuse-port` processes sharing one port, and over 16 loopback source
// addresses (ephemeral ports). Conversations ramp up, every customer sends a message, waits for the
// reply, holds the socket open, sends a second message, and leaves.
// Writes results/connections-<date>.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startLoad } from '../sim/engine/load-engine.ts';
import { summarizeMs } from '../sim/metrics/latency.ts';
import { numberArg } from './args.ts';
import { rssOf, type ServeProcess, startServeProcess } from './serve-process.ts';
import type { SteadySpec } from './workloads/steady.ts';

const STEADY = new URL('./workloads/steady.ts', import.meta.url).href;
/** Sockets one process is given: under the 20,000 open files a process may have here, with room. */
const SOCKETS_PER_PROCESS = 15_000;

const sockets = numberArg('sockets', 100_000, { integer: true });
const rampSec = numberArg('ramp', 50, { integer: true });
/** Seconds every customer holds the socket between the two messages (longer than the ramp). */
const holdSec = numberArg('hold', rampSec + 20, { integer: true });
const processes = Math.ceil(sockets / SOCKETS_PER_PROCESS);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const port = await freePort();
process.stderr.write(`connections: ${processes} server processes on port ${port} (reuse-port)\n`);
const servers: ServeProcess[] = [];
for (let i = 0; i < processes; i++) {
  servers.push(
    await startServeProcess([
      ...['--port', String(port), '--reuse-port', '--threads', '1'],
      ...['--max-conns-per-ip', '0', '--idle-timeout', '0'],
    ]),
  );
}
const serverRss = (): number => servers.reduce((n, s) => n + rssOf(s.child.pid as number), 0);
// the servers settle after training their classifiers before the baseline is read
await new Promise((resolve) => setTimeout(resolve, 5000));
const serverRssBefore = serverRss();

const spec: SteadySpec = {
  convPerSec: sockets / rampSec,
  turns: 2,
  thinkMs: holdSec * 1000,
  durationMs: rampSec * 1000,
  texts: ['我的快递到哪了 E2026111100012345', '这件羽绒服有L码吗', 'I want to return my shoes'],
};
let peakOpen = 0;
let peakServerRss = 0;
let lastLog = 0;
const run = await startLoad({
  target: `ws://127.0.0.1:${port}/chat`,
  drivers: processes,
  driverProcesses: true,
  workloadModule: STEADY,
  workloadSpec: spec,
  drainMs: (holdSec + 30) * 1000,
  replyTimeoutMs: 30_000,
  onSample(s) {
    const open = s.openSockets ?? 0;
    if (open > peakOpen) {
      peakOpen = open;
      peakServerRss = serverRss();
    }
    if (s.realSec - lastLog >= 5) {
      lastLog = s.realSec;
      const errors = Object.entries(s.counters.errors).map(([k, v]) => `${k} ${v}`);
      process.stderr.write(
        `connections ${Math.round(s.realSec)}s: open sockets ${open}, conversations ${s.active}, server RSS ${(serverRss() / 2 ** 20).toFixed(0)} MiB${errors.length > 0 ? `, errors ${errors.join(', ')}` : ''}\n`,
      );
    }
  },
});
const totals = await run.done;
await Promise.all(servers.map((s) => s.stop()));

const c = totals.counters;
const errors = Object.values(c.errors).reduce((a, b) => a + b, 0);
const result = {
  date: new Date().toISOString(),
  command: `npm run bench:connections -- --sockets ${sockets} --ramp ${rampSec} --hold ${holdSec}`,
  sockets,
  serverProcesses: processes,
  driverProcesses: processes,
  peakOpenSockets: peakOpen,
  socketsOpened: c.socketsOpened,
  messages: c.messagesSent,
  replies: c.replies,
  resolved: c.resolved,
  handedOff: c.handedOff,
  failed: c.failed,
  dropped: c.dropped,
  errors: c.errors,
  latency: summarizeMs(totals.latency),
  // RSS, not bytes per socket: each server's heap shrinks after its start-up training while sockets
  // are added, so a difference would mislead (`npm run bench` measures bytes per socket on one server)
  serverRssBeforeMiB: Math.round(serverRssBefore / 2 ** 20),
  serverRssAtPeakMiB: Math.round(peakServerRss / 2 ** 20),
};
const ok = peakOpen >= sockets && errors === 0 && c.failed === 0 && c.dropped === 0;
mkdirSync('results', { recursive: true });
const file = `results/connections-${result.date.slice(0, 10)}.json`;
writeFileSync(file, `${JSON.stringify({ ...result, ok }, null, 2)}\n`);
process.stdout.write(
  `held ${peakOpen} concurrent sockets (target ${sockets}) over ${processes} server and ${processes} driver processes: ` +
    `${c.replies} replies, ${errors} errors, ${c.failed} failed, ${c.dropped} dropped; p99 ${result.latency.p99} ms; ` +
    `servers' RSS ${result.serverRssBeforeMiB} MiB before, ${result.serverRssAtPeakMiB} MiB at the peak: ${ok ? 'PASS' : 'FAIL'}\nwritten: ${file}\n`,
);
process.exitCode = ok ? 0 : 1;
