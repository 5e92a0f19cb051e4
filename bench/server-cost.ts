// Server CPU per reply at a fixed offered rate, from the command line (bench/cpu-per-reply.ts measures;
// `npm run bench` runs the same with --server all).
//   node bin/run-ts.js bench/server-cost.ts [--rate 3000] [--seconds 20] [--runs 3] [--cpu-prof DIR]
//     [--server bot|echo|ws-bot|ws-echo|all] [--echo]
// --server picks what is measured: `bot` is `peakdesk serve` (uWS); `echo` the bare uWS echo server
// (bench/servers/echo-process.ts), the floor the bot's µs/reply are compared against (a max-rate ratio
// bot/echo is roughly echo µs ÷ bot µs); `ws-bot` the same brain behind a `ws`-library server and
// `ws-echo` the echo on `ws` (bench/servers/ws-*.ts), for uWS vs ws with and without the brain; `all`
// runs the four in turn, round by round, and prints the ratios. --echo is `--server echo`.
// With --cpu-prof the serve process writes a V8 profile per thread into DIR (read with
// bench/profile-top.ts); profiling slows the server, so its µs/reply are not comparable with runs without.
import { numberArg } from './args.ts';
import { type CostRun, measureCpuPerReply, SERVERS, type Server } from './cpu-per-reply.ts';

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
const result = await measureCpuPerReply(
  servers,
  rate,
  seconds,
  runs,
  (r: number, server: Server, c: CostRun) =>
    process.stderr.write(
      `run ${r} ${server}: ${c.replies} replies in ${c.measuredSec.toFixed(1)} s (${Math.round(c.replies / c.measuredSec)}/s), server CPU ${Math.round(c.serverCpuMs)} ms, ${c.microsPerReply.toFixed(1)} µs/reply${c.failed > 0 ? `, ${c.failed} failed` : ''}\n`,
    ),
  profileDir,
);
for (const server of servers) {
  process.stdout.write(
    `${server} server CPU per reply at ${rate} msgs/s: median ${result.median[server]} µs [${(result.runs[server] ?? []).map((x) => x.toFixed(1)).join(', ')}]\n`,
  );
}
for (const [ratio, what] of [
  [result.botVsEcho, 'bot replies per CPU-second as a share of echo (target >= 0.50)'],
  [result.uwsVsWsBot, 'uWS bot vs ws bot, replies per CPU-second (target >= 2)'],
  [result.uwsVsWsEcho, 'uWS echo vs ws echo, replies per CPU-second (the frameworks alone)'],
] as const) {
  if (ratio !== null) process.stdout.write(`${what}: ${ratio}\n`);
}
