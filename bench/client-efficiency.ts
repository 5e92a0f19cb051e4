// Messages per CPU-second of the client process: peakdesk's open-model driver (exact timing, and with a
// 1 ms send quantum) vs a minimal closed-loop `ws` client (send, wait, send), all against the bare uWS
// echo server running in another process.
import { type ChildProcess, spawn } from 'node:child_process';
import WebSocket from 'ws';
import { startLoad } from '../sim/engine/load-engine.ts';
import { createLatencyHistogram, type Histogram, summarizeMs } from '../sim/metrics/latency.ts';
import { WARMUP_SEC } from './max-rate.ts';
import { median } from './stats.ts';
import type { SteadySpec } from './workloads/steady.ts';

const STEADY = new URL('./workloads/steady.ts', import.meta.url).href;

const RUN_TS = new URL('../bin/run-ts.js', import.meta.url).pathname;
const ECHO = new URL('./servers/echo-process.ts', import.meta.url).pathname;

async function echoProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [RUN_TS, ECHO], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) => {
    child.stdout?.on('data', (d: Buffer) => {
      const m = /port (\d+)/.exec(d.toString());
      if (m !== null) resolve(Number(m[1]));
    });
  });
  return { url: `ws://127.0.0.1:${port}/chat`, child };
}

const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;

/** A naive loop: `sockets` connections, each sending its next message as soon as the reply comes. */
async function naiveLoop(
  url: string,
  sockets: number,
  seconds: number,
): Promise<{ messages: number; perCpuSec: number }> {
  const conns = await Promise.all(
    Array.from(
      { length: sockets },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(url, { perMessageDeflate: false });
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  let messages = 0;
  let running = true;
  const cpu = process.cpuUsage();
  for (const [i, ws] of conns.entries()) {
    let n = 0;
    const send = (): void => {
      ws.send(JSON.stringify({ type: 'msg', id: `${i}-${n++}`, conv: `c${i}`, text: '我的快递到哪了' }));
    };
    ws.on('message', () => {
      messages++;
      if (running) send();
    });
    send();
  }
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  const used = cpuMs(process.cpuUsage(cpu));
  for (const ws of conns) ws.terminate();
  return { messages, perCpuSec: Math.round(messages / (used / 1000)) };
}

interface DriverMeasure {
  /** Replies per second over the measured seconds. */
  achievedPerSec: number;
  /** Replies per CPU-second of this process (driver thread, main thread, GC). */
  perCpuSec: number;
  lateStarts: number;
  socketsOpened: number;
  latency: Histogram;
  slip: Histogram;
}

/**
 * One steady driver run against `url` (10-message conversations, 100 ms think time). CPU is taken
 * between the end of the warm-up and the end of the schedule, so thread start-up (module loading) is
 * not charged to the driver; replies are counted over the same seconds.
 */
async function measureDriver(
  url: string,
  perSec: number,
  seconds: number,
  sockets: { socketReuse: boolean; convsPerSocket: number; sendQuantumMs?: number },
): Promise<DriverMeasure> {
  const spec: SteadySpec = {
    convPerSec: perSec / 10,
    turns: 10,
    thinkMs: 100,
    durationMs: (WARMUP_SEC + seconds) * 1000,
    texts: ['我的快递到哪了'],
  };
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let startSec = 0;
  let lastSec = 0;
  let cpuUsed = 0;
  let replies = 0;
  let lateStarts = 0;
  let socketsOpened = 0;
  const latency = createLatencyHistogram();
  const slip = createLatencyHistogram();
  const run = await startLoad({
    target: url,
    workloadModule: STEADY,
    workloadSpec: spec,
    drainMs: 3000,
    ...sockets,
    onSample(sample) {
      if (sample.realSec < WARMUP_SEC || sample.realSec > WARMUP_SEC + seconds + 0.5) return;
      if (cpuAtStart === undefined) {
        cpuAtStart = process.cpuUsage();
        startSec = sample.realSec;
        return;
      }
      lastSec = sample.realSec;
      replies += sample.counters.replies;
      lateStarts += sample.counters.lateStarts;
      socketsOpened += sample.counters.socketsOpened;
      latency.add(sample.latency);
      slip.add(sample.slip);
      cpuUsed = cpuMs(process.cpuUsage(cpuAtStart));
    },
  });
  await run.done;
  const measuredSec = lastSec - startSec;
  return {
    achievedPerSec: measuredSec <= 0 ? 0 : Math.round(replies / measuredSec),
    perCpuSec: cpuUsed === 0 ? 0 : Math.round(replies / (cpuUsed / 1000)),
    lateStarts,
    socketsOpened,
    latency,
    slip,
  };
}

export interface ModeCost {
  mode: string;
  offeredPerSec: number;
  achievedPerSec: number;
  perCpuSec: number;
  socketsOpened: number;
}

/** The driver's messages per CPU-second at one fixed rate in each socket mode, against the echo server. */
export async function measureSocketModes(perSec = 3000, seconds = 6): Promise<ModeCost[]> {
  const { url, child } = await echoProcess();
  const modes = [
    { mode: 'a socket per conversation', socketReuse: false, convsPerSocket: 1 },
    { mode: 'sockets reused', socketReuse: true, convsPerSocket: 1 },
    { mode: '32 conversations a socket', socketReuse: true, convsPerSocket: 32 },
    {
      mode: '32 conversations a socket, 1 ms send quantum',
      socketReuse: true,
      convsPerSocket: 32,
      sendQuantumMs: 1,
    },
    {
      mode: '256 conversations a socket, 1 ms send quantum',
      socketReuse: true,
      convsPerSocket: 256,
      sendQuantumMs: 1,
    },
  ];
  const out: ModeCost[] = [];
  for (const { mode, ...sockets } of modes) {
    const m = await measureDriver(url, perSec, seconds, sockets);
    out.push({
      mode,
      offeredPerSec: perSec,
      achievedPerSec: m.achievedPerSec,
      perCpuSec: m.perCpuSec,
      socketsOpened: m.socketsOpened,
    });
  }
  child.kill('SIGTERM');
  return out;
}

/** How the driver is run in the client-efficiency comparison. */
export interface ClientSetting {
  label: string;
  convsPerSocket: number;
  sendQuantumMs: number;
}

export const CLIENT_SETTINGS: ClientSetting[] = [
  { label: 'exact timing, 32 conversations a socket', convsPerSocket: 32, sendQuantumMs: 0 },
  { label: '1 ms send quantum, 256 conversations a socket', convsPerSocket: 256, sendQuantumMs: 1 },
];

export interface ClientDriverRound {
  label: string;
  offeredPerSec: number;
  achievedPerSec: number;
  perCpuSec: number;
  p50Ms: number;
  p99Ms: number;
  /** How late the driver sent messages against their schedule (open-model health). */
  slipP99Ms: number;
  lateStarts: number;
  /** perCpuSec over the naive loop's in the same round. */
  ratio: number;
}

export interface ClientEfficiency {
  rounds: { naive: { messages: number; perCpuSec: number }; drivers: ClientDriverRound[] }[];
  /** Per setting, the median over rounds of the per-round ratios (the machine's load drifts between rounds). */
  settings: (ClientSetting & { medianRatio: number; medianPerCpuSec: number })[];
  naiveMedianPerCpuSec: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Each round: the naive loop, then the driver in each setting at the rate the naive loop reached (open
 * model, one driver thread), all against one echo server in another process.
 */
export async function measureClientEfficiency(
  seconds = 8,
  rounds = 2,
  settings: ClientSetting[] = CLIENT_SETTINGS,
  onRound?: (round: number, r: ClientEfficiency['rounds'][number]) => void,
): Promise<ClientEfficiency> {
  const { url, child } = await echoProcess();
  const out: ClientEfficiency['rounds'] = [];
  try {
    for (let r = 1; r <= rounds; r++) {
      const naive = await naiveLoop(url, 200, seconds);
      const offered = Math.round(naive.messages / seconds);
      const drivers: ClientDriverRound[] = [];
      for (const setting of settings) {
        const m = await measureDriver(url, offered, seconds, {
          socketReuse: true,
          convsPerSocket: setting.convsPerSocket,
          sendQuantumMs: setting.sendQuantumMs,
        });
        const latency = summarizeMs(m.latency);
        drivers.push({
          label: setting.label,
          offeredPerSec: offered,
          achievedPerSec: m.achievedPerSec,
          perCpuSec: m.perCpuSec,
          p50Ms: latency.p50,
          p99Ms: latency.p99,
          slipP99Ms: summarizeMs(m.slip).p99,
          lateStarts: m.lateStarts,
          ratio: round2(m.perCpuSec / naive.perCpuSec),
        });
      }
      out.push({ naive, drivers });
      onRound?.(r, { naive, drivers });
    }
  } finally {
    child.kill('SIGTERM');
  }
  return {
    rounds: out,
    settings: settings.map((setting, i) => ({
      ...setting,
      medianRatio: round2(median(out.map((r) => (r.drivers[i] as ClientDriverRound).ratio))),
      medianPerCpuSec: Math.round(median(out.map((r) => (r.drivers[i] as ClientDriverRound).perCpuSec))),
    })),
    naiveMedianPerCpuSec: Math.round(median(out.map((r) => r.naive.perCpuSec))),
  };
}
