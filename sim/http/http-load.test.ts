import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../../server/server.ts';
import { runHttpStages } from './http-load.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, threads: 1, token: 'http-load-token' });
});
afterAll(async () => {
  await server.stop();
});

describe('HTTP load on POST /v1/chat (autocannon)', () => {
  it('holds a fixed rate per stage with multi-turn sessions', async () => {
    const [first, second] = await runHttpStages(
      [
        { durationSec: 2, ratePerSec: 100 },
        { durationSec: 2, ratePerSec: 200 },
      ],
      {
        url: `${server.url}/v1/chat`,
        token: 'http-load-token',
        connections: 10,
        texts: ['你好', '我的快递到哪了'],
      },
    );
    expect(first?.non2xx).toBe(0);
    expect(first?.errors).toBe(0);
    // each stage is paced to its own rate: unpaced, 10 connections make thousands of requests in 2 s.
    // autocannon's overallRate pacing is loose (seen: 200–318 requests for 2 s at 100/s), so the
    // bounds only separate paced from unpaced and the second stage from the first.
    const a = first?.requests ?? 0;
    const b = second?.requests ?? 0;
    expect(a).toBeGreaterThan(100);
    expect(a).toBeLessThan(700);
    expect(b).toBeGreaterThan(a);
    expect(b).toBeLessThan(1400);
    expect(second?.latencyMs.p50).toBeGreaterThan(0);
  });

  it('counts rejected requests as non-2xx (wrong token)', async () => {
    const [stage] = await runHttpStages([{ durationSec: 1, ratePerSec: 50 }], {
      url: `${server.url}/v1/chat`,
      token: 'wrong-token-xx',
      connections: 2,
      texts: ['hi'],
    });
    expect(stage?.requests).toBeGreaterThan(0);
    expect(stage?.non2xx).toBe(stage?.requests);
  });
});
