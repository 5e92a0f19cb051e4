import { createServer } from 'node:net';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { inFlight, OUTCOMES } from '../engine/counters.ts';
import type { FixedSpec } from '../engine/fixtures/fixed-workload.ts';
import { type LoadOptions, type LoadRun, type LoadSample, startLoad } from '../engine/load-engine.ts';
import { summarizeMs } from '../metrics/latency.ts';
import { startTsWorker } from '../util/ts-worker.ts';

const FIXED = new URL('../engine/fixtures/fixed-workload.ts', import.meta.url).href;

/** The load engine with HTTP drivers (an http:// target) on the fixed workload. */
function replay(
  o: { url: string; spec: FixedSpec } & Omit<LoadOptions, 'target' | 'workloadModule' | 'workloadSpec'>,
): Promise<LoadRun> {
  const { url, spec, ...rest } = o;
  return startLoad({ target: url, workloadModule: FIXED, workloadSpec: spec, ...rest });
}

function outcomes(c: Record<string, unknown>): number {
  return OUTCOMES.reduce((sum, o) => sum + (c[o] as number), 0);
}

/** A loopback port nobody listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, threads: 1, token: 'replay-token' });
});
afterAll(async () => {
  await server.stop();
});

describe('HTTP driver (open model over POST /v1/chat)', () => {
  it.each([0, 2])(
    'replays a schedule of multi-turn conversations with exact accounting (send quantum %d ms)',
    async (sendQuantumMs) => {
      const samples: LoadSample[] = [];
      const spec: FixedSpec = { count: 100, everyMs: 10, turns: 2, thinkMs: 50, patienceMs: 10_000 };
      const run = await replay({
        url: `${server.url}/v1/chat`,
        token: 'replay-token',
        spec,
        connections: 8,
        drainMs: 5000,
        sendQuantumMs,
        onSample: (s) => samples.push(s),
      });
      const totals = await run.done;
      const c = totals.counters;
      expect(c.scheduled).toBe(100);
      expect(c.resolved).toBe(100);
      expect(c.messagesSent).toBe(200);
      expect(c.replies).toBe(200);
      expect(c.errors).toEqual({});
      expect(totals.latency.totalCount).toBe(200);
      expect(totals.latencyByIntent.get('logistics.track')?.totalCount).toBe(200);
      expect(totals.inFlightAtStop).toBe(0);
      expect(inFlight(c)).toBe(0);
      expect(totals.stoppedEarly).toBe(false);
      expect(samples.reduce((n, s) => n + s.counters.scheduled, 0)).toBe(100);
      expect(samples.reduce((n, s) => n + s.counters.messagesSent, 0)).toBe(200);
      expect(samples.reduce((n, s) => n + s.latency.totalCount, 0)).toBe(200);
    },
  );

  it('shows a 1 s server stall in the tail: latency counts from the intended send time', async () => {
    const stall: Worker = startTsWorker(new URL('./fixtures/stall-http-server.ts', import.meta.url), {
      stallAtMs: 500,
      stallMs: 1000,
    });
    const port = await new Promise<number>((resolve) => stall.once('message', resolve));
    const spec: FixedSpec = { count: 250, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 60_000 };
    const run = await replay({
      url: `http://127.0.0.1:${port}/v1/chat`,
      spec,
      connections: 4,
      drainMs: 5000,
    });
    const totals = await run.done;
    stall.postMessage('stop');
    const s = summarizeMs(totals.latency);
    expect(totals.counters.replies).toBe(250);
    expect(totals.counters.resolved).toBe(250);
    // 40% of the messages were meant to go out during the stall: the upper fifth of the distribution
    // sits in it. Timed from the write (autocannon's way) the waiting ones would not show.
    expect(s.max).toBeGreaterThan(900);
    expect(totals.latency.getValueAtPercentile(85) / 1000).toBeGreaterThan(200);
  });

  it('counts a rejected token as one failed conversation and one unauthorized error per arrival', async () => {
    const spec: FixedSpec = { count: 20, everyMs: 10, turns: 3, thinkMs: 10, patienceMs: 10_000 };
    const run = await replay({
      url: `${server.url}/v1/chat`,
      token: 'wrong-token-xx',
      spec,
      drainMs: 2000,
    });
    const totals = await run.done;
    const c = totals.counters;
    expect(c.scheduled).toBe(20);
    expect(c.failed).toBe(20);
    expect(c.messagesSent).toBe(20);
    expect(c.replies).toBe(0);
    expect(c.errors).toEqual({ unauthorized: 20 });
    expect(outcomes(c as unknown as Record<string, unknown>) + totals.inFlightAtStop).toBe(20);
  });

  it('counts a refused connection as a failed conversation under the socket error code', async () => {
    const port = await closedPort();
    const spec: FixedSpec = { count: 10, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 10_000 };
    const run = await replay({
      url: `http://127.0.0.1:${port}/v1/chat`,
      spec,
      drainMs: 2000,
    });
    const totals = await run.done;
    expect(totals.counters.failed).toBe(10);
    expect(totals.counters.errors).toEqual({ ECONNREFUSED: 10 });
    expect(totals.inFlightAtStop).toBe(0);
  });

  it('stops on request: open conversations are in flight at stop and the accounting still balances', async () => {
    const spec: FixedSpec = { count: 1000, everyMs: 10, turns: 5, thinkMs: 200, patienceMs: 10_000 };
    const run = await replay({
      url: `${server.url}/v1/chat`,
      token: 'replay-token',
      spec,
    });
    setTimeout(() => run.stop(), 1500);
    const totals = await run.done;
    const c = totals.counters;
    expect(totals.stoppedEarly).toBe(true);
    expect(totals.inFlightAtStop).toBeGreaterThan(0);
    expect(c.scheduled).toBeLessThan(1000);
    expect(c.scheduled).toBe(outcomes(c as unknown as Record<string, unknown>) + totals.inFlightAtStop);
    expect(inFlight(c)).toBe(totals.inFlightAtStop);
  });
});

describe('HTTP driver playback rate', () => {
  it('pauses and resumes: nothing starts while paused, and every arrival still ends', async () => {
    const samples: LoadSample[] = [];
    const spec: FixedSpec = { count: 100, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 10_000 };
    const run = await replay({
      url: `${server.url}/v1/chat`,
      token: 'replay-token',
      spec,
      drainMs: 5000,
      onSample: (s) => samples.push(s),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.setRate(0);
    expect(run.rate()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    run.setRate(1);
    const totals = await run.done;
    expect(totals.counters.scheduled).toBe(100);
    expect(totals.counters.resolved).toBe(100);
    // a sample whose previous one was also paused lies wholly inside the pause: no arrival, plan time still
    const inside = samples.filter((x, i) => i > 0 && x.rate === 0 && samples[i - 1]?.rate === 0);
    expect(inside.length).toBeGreaterThan(0);
    for (const x of inside) {
      expect(x.counters.scheduled).toBe(0);
      expect(x.planMs).toBe(samples[samples.indexOf(x) - 1]?.planMs);
    }
  });
});

describe('HTTP drivers in child processes', () => {
  it('split the stream over two processes and the accounting adds up exactly', async () => {
    const samples: LoadSample[] = [];
    const spec: FixedSpec = { count: 50, everyMs: 10, turns: 2, thinkMs: 20, patienceMs: 10_000 };
    const run = await replay({
      url: `${server.url}/v1/chat`,
      token: 'replay-token',
      spec,
      drivers: 2,
      driverProcesses: true,
      connections: 4,
      drainMs: 5000,
      onSample: (s) => samples.push(s),
    });
    const totals = await run.done;
    expect(totals.counters.scheduled).toBe(50);
    expect(totals.counters.resolved).toBe(50);
    expect(totals.counters.replies).toBe(100);
    expect(totals.latency.totalCount).toBe(100);
    expect(totals.latencyByIntent.get('logistics.track')?.totalCount).toBe(100);
    expect(totals.slip.totalCount).toBe(100);
    expect(samples.reduce((n, s) => n + s.counters.replies, 0)).toBe(100);
    expect(samples.reduce((n, s) => n + s.latency.totalCount, 0)).toBe(100);
    // keep-alive connections were open while it ran, at most the 4 allowed
    expect(Math.max(...samples.map((s) => s.openSockets ?? 0))).toBeGreaterThan(0);
    expect(Math.max(...samples.map((s) => s.openSockets ?? 0))).toBeLessThanOrEqual(4);
  });
});
