// `peakdesk run --target` against a running bot, one suite over both transports: the same seeded
// traffic over WebSocket and over HTTP leaves the same kind of complete, balanced results folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { RUN_RESULT_FILES, type RunMeta, type SecondRecord } from '../results/records.ts';
import { runCli } from '../testing/run-cli.ts';

let server: RunningServer;
beforeAll(async () => {
  // a socket multiplexing 8 customers sends 8 customers' messages: the per-socket rate limit allows it
  server = await startServer({
    port: 0,
    threads: 1,
    token: 'e2e-target-token',
    rateLimitPerSec: 400,
    rateLimitBurst: 800,
  });
});
afterAll(async () => {
  await server.stop();
});

const arrivalsBy = new Map<string, number>();

describe.each([
  { transport: 'WebSocket', url: (s: RunningServer) => s.wsUrl, args: [] as string[] },
  { transport: 'HTTP', url: (s: RunningServer) => `${s.url}/v1/chat`, args: [] as string[] },
  {
    transport: 'WebSocket, 2 driver processes, 8 conversations a socket, exact send timing',
    url: (s: RunningServer) => s.wsUrl,
    args: ['--drivers', '2', '--driver-processes', '--convs-per-socket', '8', '--send-quantum', '0'],
  },
])('peakdesk run --target over $transport', ({ transport, url, args }) => {
  it('replays a short steady window and leaves a complete results folder whose accounting balances', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-target-'));
    const target = url(server);
    const { code, stdout, stderr } = await runCli([
      'run',
      'steady',
      '--no-tui',
      '--duration',
      '5s',
      '--scale',
      '0.0002',
      '--target',
      target,
      '--token',
      'e2e-target-token',
      '--out',
      out,
      ...args,
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [runDir] = readdirSync(out);
    const dir = join(out, runDir as string);
    for (const f of RUN_RESULT_FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(stdout).toContain(`Results: ${dir}`);
    const meta = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as RunMeta;
    expect(meta.options.target).toBe(target);
    expect(meta.options.embeddedServer).toBe(false);
    expect(meta.options.sendQuantumMs).toBe(args.includes('--send-quantum') ? 0 : 1);

    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.complete).toBe(true);
    const a = summary.accounting;
    expect(a.balanced).toBe(true);
    expect(a.arrivals).toBeGreaterThan(50);
    expect(a.arrivals).toBe(a.resolved + a.handedOff + a.abandoned + a.failed + a.dropped + a.inFlightAtStop);
    // a lightly loaded loopback bot answers every message: nothing failed, dropped or left open
    expect(summary.errors).toEqual({});
    expect(a.failed + a.dropped + a.inFlightAtStop).toBe(0);
    expect(summary.replies).toBe(summary.messages);
    expect(summary.latency.count).toBe(summary.messages);
    expect(summary.latency.p99).toBeGreaterThan(0);

    // the per-second lines add up to the summary
    const seconds = readFileSync(join(dir, 'intervals.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as SecondRecord)
      .filter((r) => r.kind === 'second');
    const sum = (f: (r: SecondRecord) => number): number => seconds.reduce((n, r) => n + f(r), 0);
    expect(sum((r) => r.arrivals)).toBe(a.arrivals);
    expect(sum((r) => r.messages)).toBe(summary.messages);
    expect(sum((r) => r.replies)).toBe(summary.replies);
    expect(sum((r) => r.latency.count)).toBe(summary.latency.count);
    expect(readFileSync(join(dir, 'latency.hlog'), 'utf8').split('\n').length).toBeGreaterThan(5);
    arrivalsBy.set(transport, a.arrivals);
  }, 40_000);
});

describe('every transport and driver layout', () => {
  it('replay the same seeded arrivals', () => {
    expect(arrivalsBy.size).toBe(3);
    expect(arrivalsBy.get('HTTP')).toBe(arrivalsBy.get('WebSocket'));
    expect(arrivalsBy.get('WebSocket, 2 driver processes, 8 conversations a socket, exact send timing')).toBe(
      arrivalsBy.get('WebSocket'),
    );
  });
});
