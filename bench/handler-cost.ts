// CPU per message of the server's message path without sockets: frame text in, `handleWsText`, reply
// JSON out, over the real brain and over a stub brain that answers at once, so that what the transport
// layer costs (parse, sessions, metrics, reply frame) shows apart from the brain. In one thread with no
// network, the best of several trials is steady even on a busy machine, unlike whole-server figures.
//   node bin/run-ts.js bench/handler-cost.ts [--messages 50000] [--trials 7] [--alloc]
// --alloc also samples what one pass over the real brain allocates (V8's sampling heap profiler, garbage included):
// bytes per message and the functions that allocate most. Every byte is a share of the next young-generation GC,
// whose pause lands in some message's latency.
import { Session } from 'node:inspector/promises';
import { createBrain } from '../server/bot/brain.ts';
import type { BotReply, Brain } from '../server/bot/types.ts';
import { type ChatContext, handleWsText } from '../server/chat-service.ts';
import { createThreadMetrics } from '../server/metrics.ts';
import { serverFrameJson } from '../server/protocol.ts';
import { numberArg } from './args.ts';
import { type SamplingNode, tallyByFunction } from './heap-sampling.ts';
import { BENCH_TEXTS } from './texts.ts';

const messages = numberArg('messages', 50_000, { integer: true });
const trials = numberArg('trials', 7, { integer: true });

/** The frames a driver sends: conversations of 10 turns, 32 at a time, texts cycling as bench/workloads/steady.ts does. */
function frames(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const conv = Math.floor(i / 10);
    const text = BENCH_TEXTS[(conv + (i % 10)) % BENCH_TEXTS.length] as string;
    out.push(JSON.stringify({ type: 'msg', id: `m-${i}`, conv: `c-${conv % 4096}`, text, locale: 'zh-CN' }));
    if (i % 10 === 9) out.push(JSON.stringify({ type: 'end', conv: `c-${conv % 4096}`, reason: 'resolved' }));
  }
  return out;
}

const STUB_REPLY: BotReply = {
  text: '您好，您的包裹已到达上海转运中心，预计明天送达。',
  intent: 'logistics.track',
  confidence: 0.93,
  action: 'answer',
  resolved: true,
};

function stubBrain(real: Brain): Brain {
  return { ...real, handleMessage: () => STUB_REPLY };
}

function chatContext(brain: Brain): ChatContext {
  return {
    brain,
    metrics: createThreadMetrics(),
    nowMs: Date.now,
    hrMs: () => performance.now(),
    maxConvsPerSocket: 64,
  };
}

/** One pass of every frame through the message path, as the server runs it (the frames' UTF-8 bytes in, the reply
 * frames written); the reply frames' total length. */
function pass(ctx: ChatContext, input: readonly Uint8Array[]): number {
  const convs = new Map();
  let sink = 0;
  for (const bytes of input) {
    const out = handleWsText(ctx, convs, bytes);
    if (out !== null) sink += serverFrameJson(out).length;
  }
  return sink;
}

/** CPU µs per msg frame over the best of `trials` passes (the first pass warms the JIT and is dropped). */
function microsPerMessage(brain: Brain, input: readonly Uint8Array[], msgs: number): number {
  const ctx = chatContext(brain);
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let t = 0; t <= trials; t++) {
    const start = process.cpuUsage();
    sink += pass(ctx, input);
    const used = process.cpuUsage(start);
    if (t > 0) best = Math.min(best, (used.user + used.system) / msgs);
  }
  if (sink === 0) throw new Error('no replies');
  return best;
}

const brain = createBrain();
const texts = frames(messages);
const input = texts.map((f) => Buffer.from(f));
const msgs = texts.filter((f) => f.startsWith('{"type":"msg"')).length;
const stub = microsPerMessage(stubBrain(brain), input, msgs);
const real = microsPerMessage(brain, input, msgs);
process.stdout.write(
  `message path CPU per msg (best of ${trials}): stub brain ${stub.toFixed(2)} µs, real brain ${real.toFixed(2)} µs\n`,
);

if (process.argv.includes('--alloc')) {
  const ctx = chatContext(brain);
  pass(ctx, input); // warm: sessions, JIT
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 4096,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  pass(ctx, input);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as {
    profile: { head: SamplingNode };
  };
  session.disconnect();
  const { total, byFunction } = tallyByFunction(
    profile.head,
    ({ functionName, url }) =>
      `${functionName === '' ? '(anonymous)' : functionName} ${url.replace(/^.*\//, '')}`,
  );
  const lines = byFunction
    .slice(0, 15)
    .map(([name, bytes]) => `  ${(bytes / msgs).toFixed(0).padStart(6)} B  ${name}`);
  process.stdout.write(
    `allocated per msg (sampled, reply JSON included): ${(total / msgs).toFixed(0)} B\n${lines.join('\n')}\n`,
  );
}
