import { type AddressInfo, createServer } from 'node:net';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server.ts';
import { summarizeMs } from '../metrics/latency.ts';
import { startTsWorker } from '../util/ts-worker.ts';
import { inFlight, OUTCOMES } from './counters.ts';
import type { FixedSpec } from './fixtures/fixed-workload.ts';
import { defaultSourceAddresses, type LoadSample, loadOptionsProblem, startLoad } from './load-engine.ts';

const FIXED = new URL('./fixtures/fixed-workload.ts', import.meta.url).href;

function outcomes(c: Record<string, unknown>): number {
  return OUTCOMES.reduce((sum, o) => sum + (c[o] as number), 0);
}

describe('source addresses', () => {
  it('spreads loopback targets over 16 loopback addresses and leaves others to the OS', () => {
    expect(defaultSourceAddresses('ws://127.0.0.1:8080/chat')).toEqual(
      Array.from({ length: 16 }, (_, i) => `127.0.0.${i + 1}`),
    );
    expect(defaultSourceAddresses('ws://[::1]:8080/chat')).toEqual([]);
    expect(defaultSourceAddresses('wss://bot.example.com/chat')).toEqual([]);
  });
});

describe('load options', () => {
  const sound = { drivers: 2, convsPerSocket: 1, connections: 64, sendQuantumMs: 1, http: false };

  it('passes sound options and names the first bad one in the words of the flags', () => {
    expect(loadOptionsProblem(sound)).toBeUndefined();
    expect(loadOptionsProblem({ ...sound, drivers: 1.5 })).toBe('--drivers must be an integer >= 1, got 1.5');
    expect(loadOptionsProblem({ ...sound, convsPerSocket: 0 })).toBe(
      '--convs-per-socket must be an integer >= 1, got 0',
    );
    expect(loadOptionsProblem({ ...sound, sendQuantumMs: Number.NaN })).toBe(
      '--send-quantum must be between 0 and 10 ms, got NaN',
    );
    // only an HTTP target spreads its connections over the drivers
    expect(loadOptionsProblem({ ...sound, connections: 1 })).toBeUndefined();
    expect(loadOptionsProblem({ ...sound, connections: 1, http: true })).toBe(
      '--connections must be at least --drivers (2): each driver needs a connection, got 1',
    );
  });

  it('is what startLoad throws, before it starts a driver', async () => {
    await expect(
      startLoad({ target: 'ws://127.0.0.1:9/chat', drivers: 0, workloadModule: FIXED, workloadSpec: {} }),
    ).rejects.toThrow('--drivers must be an integer >= 1, got 0');
  });
});

describe('load engine', () => {
  it.each([
    { mode: 'a socket per conversation', socketReuse: false, convsPerSocket: 1, maxOpened: 100 },
    {
      mode: 'drivers in child processes, 8 conversations a socket',
      socketReuse: true,
      convsPerSocket: 8,
      maxOpened: 12,
      driverProcesses: true,
    },
    {
      mode: 'sockets reused one conversation at a time',
      socketReuse: true,
      convsPerSocket: 1,
      maxOpened: 60,
    },
    { mode: '8 conversations multiplexed per socket', socketReuse: true, convsPerSocket: 8, maxOpened: 12 },
    {
      mode: '8 conversations a socket, messages sent in 2 ms quanta',
      socketReuse: true,
      convsPerSocket: 8,
      maxOpened: 12,
      sendQuantumMs: 2,
    },
  ])(
    'replays a schedule against the bot server with exact accounting: $mode',
    async ({ socketReuse, convsPerSocket, maxOpened, driverProcesses, sendQuantumMs }) => {
      // multiplexed sockets carry many conversations' messages: the per-socket rate limit is raised
      const server = await startServer({
        port: 0,
        threads: 1,
        rateLimitPerSec: 10_000,
        rateLimitBurst: 10_000,
      });
      const samples: LoadSample[] = [];
      const spec: FixedSpec = { count: 100, everyMs: 10, turns: 2, thinkMs: 50, patienceMs: 10_000 };
      const run = await startLoad({
        target: server.wsUrl,
        drivers: 2,
        workloadModule: FIXED,
        workloadSpec: spec,
        drainMs: 5000,
        socketReuse,
        convsPerSocket,
        driverProcesses,
        sendQuantumMs,
        onSample: (s) => samples.push(s),
      });
      const totals = await run.done;
      await server.stop();
      const c = totals.counters;
      expect(c.errors).toEqual({});
      expect(c.scheduled).toBe(100);
      expect(c.resolved).toBe(100);
      expect(c.messagesSent).toBe(200);
      expect(c.replies).toBe(200);
      expect(totals.latency.totalCount).toBe(200);
      expect(totals.latencyByIntent.get('logistics.track')?.totalCount).toBe(200);
      expect(totals.inFlightAtStop).toBe(0);
      expect(inFlight(c)).toBe(0);
      expect(c.dropped).toBe(0);
      expect(totals.stoppedEarly).toBe(false);
      expect(samples.reduce((n, s) => n + s.counters.scheduled, 0)).toBe(100);
      expect(samples.reduce((n, s) => n + s.latency.totalCount, 0)).toBe(200);
      // every conversation started on a new socket or on one handed on from an earlier conversation
      expect(c.socketsOpened + c.socketsReused).toBe(100);
      expect(c.socketsOpened).toBeLessThanOrEqual(maxOpened);
      if (!socketReuse) expect(c.socketsReused).toBe(0);
    },
  );

  it('runs until the last arrival has started, though arrivals are generated ahead of time', async () => {
    // arrivals at 0, 0.7, 1.4 and 2.1 s; by the 2 s flush the whole schedule is generated (1 s
    // chunks, 250 ms lookahead) and nothing is open, yet the last customer has not arrived
    const server = await startServer({ port: 0, threads: 1 });
    const spec: FixedSpec = { count: 4, everyMs: 700, turns: 1, thinkMs: 0, patienceMs: 10_000 };
    const run = await startLoad({
      target: server.wsUrl,
      workloadModule: FIXED,
      workloadSpec: spec,
      drainMs: 3000,
    });
    const totals = await run.done;
    await server.stop();
    expect(totals.counters.scheduled).toBe(4);
    expect(totals.counters.replies).toBe(4);
  });

  it('retries a refused connection with backoff, then fails the conversation under the error code', async () => {
    const probe = createServer();
    const port = await new Promise<number>((resolve) =>
      probe.listen(0, '127.0.0.1', () => resolve((probe.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => probe.close(resolve));
    const spec: FixedSpec = { count: 5, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 400 };
    const run = await startLoad({
      target: `ws://127.0.0.1:${port}/chat`,
      workloadModule: FIXED,
      workloadSpec: spec,
      drainMs: 3000,
    });
    const totals = await run.done;
    const c = totals.counters;
    expect(c.errors).toEqual({ ECONNREFUSED: 5 });
    expect([c.scheduled, c.failed, c.messagesSent]).toEqual([5, 5, 0]);
    // the first try and at least one retry each, before the 400 ms patience ran out
    expect(c.socketsOpened).toBeGreaterThanOrEqual(10);
  });

  it.each([0, 2])(
    'shows a 1 s server stall in the tail: latency counts from the intended send time (send quantum %d ms)',
    async (sendQuantumMs) => {
      const stall: Worker = startTsWorker(new URL('./fixtures/stall-server.ts', import.meta.url), {
        stallAtMs: 500,
        stallMs: 1000,
      });
      const port = await new Promise<number>((resolve) => stall.once('message', resolve));
      const spec: FixedSpec = { count: 250, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 60_000 };
      const run = await startLoad({
        target: `ws://127.0.0.1:${port}/chat`,
        workloadModule: FIXED,
        workloadSpec: spec,
        drainMs: 5000,
        sendQuantumMs,
      });
      const totals = await run.done;
      stall.postMessage('stop');
      const s = summarizeMs(totals.latency);
      expect(totals.counters.replies).toBe(250);
      // 40% of the messages were meant to go out during the stall, with waits spread over 0..1000 ms, so
      // the upper fifth of the distribution sits in the stall. A closed-loop tester would record one slow reply.
      expect(s.max).toBeGreaterThan(900);
      expect(totals.latency.getValueAtPercentile(85) / 1000).toBeGreaterThan(200);
    },
  );

  it('counts customers who give up waiting during a stall, and still measures their late replies', async () => {
    const stall: Worker = startTsWorker(new URL('./fixtures/stall-server.ts', import.meta.url), {
      stallAtMs: 300,
      stallMs: 1000,
    });
    const port = await new Promise<number>((resolve) => stall.once('message', resolve));
    const spec: FixedSpec = { count: 100, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 400 };
    const run = await startLoad({
      target: `ws://127.0.0.1:${port}/chat`,
      workloadModule: FIXED,
      workloadSpec: spec,
      drainMs: 5000,
    });
    const totals = await run.done;
    stall.postMessage('stop');
    const c = totals.counters;
    // those meant to go out 300..900 ms into the run wait past their 400 ms patience
    expect(c.gaveUpWaiting).toBeGreaterThan(10);
    expect(c.abandoned).toBe(c.gaveUpWaiting);
    expect(c.lateReplies).toBe(c.gaveUpWaiting);
    expect(c.replies).toBe(100);
    expect(c.resolved + c.abandoned).toBe(100);
    expect(totals.inFlightAtStop).toBe(0);
  });

  it.each([1, 8])(
    'balances the accounting when the server is killed mid-run (%i conversations a socket)',
    async (convsPerSocket) => {
      const server = await startServer({
        port: 0,
        threads: 1,
        rateLimitPerSec: 10_000,
        rateLimitBurst: 10_000,
      });
      const spec: FixedSpec = { count: 150, everyMs: 10, turns: 3, thinkMs: 100, patienceMs: 400 };
      const run = await startLoad({
        target: server.wsUrl,
        workloadModule: FIXED,
        workloadSpec: spec,
        convsPerSocket,
        drainMs: 3000,
      });
      setTimeout(() => void server.stop(100), 600);
      const totals = await run.done;
      const c = totals.counters;
      expect(c.scheduled).toBe(150);
      expect(c.failed).toBeGreaterThan(0);
      // conversations that finished before the kill (the bot resolves or hands them off)
      expect(c.resolved + c.handedOff).toBeGreaterThan(0);
      expect(c.scheduled).toBe(outcomes(c as unknown as Record<string, unknown>) + totals.inFlightAtStop);
    },
  );

  it('reconnects after the server restarts on the same port; the outage shows as failures, then service resumes', async () => {
    const first = await startServer({ port: 0, threads: 1 });
    const port = first.port;
    // a server thread loads and trains the bot (~3 s here), so the schedule outlasts the restart
    const spec: FixedSpec = { count: 800, everyMs: 10, turns: 1, thinkMs: 0, patienceMs: 5000 };
    const samples: LoadSample[] = [];
    const run = await startLoad({
      target: first.wsUrl,
      workloadModule: FIXED,
      workloadSpec: spec,
      drainMs: 3000,
      onSample: (s) => samples.push(s),
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    await first.stop(100);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const second = await startServer({ port, threads: 1 });
    const totals = await run.done;
    await second.stop();
    const c = totals.counters;
    expect(c.scheduled).toBe(800);
    expect(c.scheduled).toBe(outcomes(c as unknown as Record<string, unknown>) + totals.inFlightAtStop);
    // about 70 resolve before the stop (at 0.7 s); service resumes once the new server is up
    const resolvedAfter = samples.filter((s) => s.realSec > 2).reduce((n, s) => n + s.counters.resolved, 0);
    expect(resolvedAfter).toBeGreaterThan(100);
  });
});
