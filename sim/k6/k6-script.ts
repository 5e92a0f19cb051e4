// `peakdesk export k6`: a k6 script (JavaScript checked against @types/k6) that replays a scenario's
// curve with the ramping-arrival-rate executor and holds multi-turn conversations over protocol v1, so a
// promotion can be replayed from many machines with k6-operator. Pure: input → script text.
import { parseThreshold, type Threshold } from '../thresholds/threshold.ts';
import { arrivalPlan, type K6ArrivalPlan, type K6CurvePoint } from './k6-stages.ts';

/** What the export needs from a scenario (the lead adapts sim/scenario's Scenario to it). */
export interface K6ExportInput {
  name: string;
  /** How peakdesk loads the scenario again (built-in name or absolute path), for `plan` on an imported run. @default name */
  ref?: string;
  /** Scenario local start, ISO 8601 with offset (2026-11-11T00:00:00+08:00); lets the import rebuild scenario time. */
  start?: string;
  /** Linear between points, at real scale; atSec counts from the scenario start. */
  curve: readonly K6CurvePoint[];
  /** Relative weights per intent (sum > 0). */
  intentMix: Readonly<Record<string, number>>;
  /** Customer messages per intent; a conversation opens with one of them. */
  phrases: Readonly<Record<string, readonly string[]>>;
  /** Later turns of a conversation the bot did not settle; the opening phrases when absent. */
  followUps?: Readonly<Record<string, readonly string[]>>;
}

export interface K6ExportOptions {
  /** Fraction of real volume replayed. @default 0.01 */
  scale?: number;
  /** Scenario seconds per wall second. @default 1 */
  speed?: number;
  /** Default WebSocket endpoint (PEAKDESK_TARGET overrides it at run time). @default 'ws://127.0.0.1:8080/chat' */
  target?: string;
  /** Customer turns before a conversation with no answer is abandoned. @default 4 */
  maxTurns?: number;
  /** Customer think time between a reply and the next message, scenario seconds (÷ speed on the wall). @default 8 */
  thinkSec?: number;
  /** Wall seconds without a reply after which the customer abandons. @default 30 */
  patienceSec?: number;
  /** Locale sent with each message. @default 'zh-CN' */
  locale?: 'zh-CN' | 'en-US';
  /** peakdesk threshold expressions, written as k6 thresholds. @default ['p99<1s', 'dropped<1%'] */
  thresholds?: readonly string[];
}

export const k6ExportDefaults = {
  scale: 0.01,
  speed: 1,
  target: 'ws://127.0.0.1:8080/chat',
  maxTurns: 4,
  thinkSec: 8,
  patienceSec: 30,
  locale: 'zh-CN',
  thresholds: ['p99<1s', 'dropped<1%'],
} as const satisfies Required<K6ExportOptions>;

export const K6_METRICS = {
  latency: 'peakdesk_reply_latency',
  resolution: 'peakdesk_bot_resolution',
  conversations: 'peakdesk_conversations',
  outcomes: 'peakdesk_outcomes',
  messages: 'peakdesk_messages',
  errors: 'peakdesk_errors',
  errorReplies: 'peakdesk_error_replies',
  abandoned: 'peakdesk_abandoned',
  failed: 'peakdesk_failed',
  handoff: 'peakdesk_handoff',
  curve: 'peakdesk_curve_per_min',
  handoffPrefix: 'peakdesk_handoffs_',
} as const;

export const QUEUES = ['presale', 'logistics', 'aftersale', 'complaints'] as const;

const TREND_STAT: Record<string, string> = {
  p50: 'med',
  p90: 'p(90)',
  p99: 'p(99)',
  'p99.9': 'p(99.9)',
  max: 'max',
  mean: 'avg',
};

/** One peakdesk threshold as a k6 threshold: [metric, expression]. */
export function k6Threshold(t: Threshold, plan: K6ArrivalPlan): [string, string] {
  const stat = TREND_STAT[t.metric];
  if (stat !== undefined) return [K6_METRICS.latency, `${stat}${t.op}${t.value}`];
  switch (t.metric) {
    case 'bot_resolution':
      return [K6_METRICS.resolution, `rate${t.op}${t.value}`];
    case 'abandoned':
      return [K6_METRICS.abandoned, `rate${t.op}${t.value}`];
    case 'failed':
      return [K6_METRICS.failed, `rate${t.op}${t.value}`];
    case 'handoff':
      return [K6_METRICS.handoff, `rate${t.op}${t.value}`];
    case 'error_rate':
      return [K6_METRICS.errorReplies, `rate${t.op}${t.value}`];
    case 'dropped':
      return ['dropped_iterations', `count${t.op}${Math.floor(t.value * plan.volume)}`];
    default:
      throw new Error(`no k6 form for ${t.metric}`);
  }
}

function checkInput(input: K6ExportInput): void {
  const weights = Object.entries(input.intentMix).filter(([, w]) => w > 0);
  if (weights.length === 0) throw new Error(`scenario ${input.name}: intentMix has no positive weight`);
  for (const [intent] of weights) {
    if ((input.phrases[intent] ?? []).length === 0)
      throw new Error(`scenario ${input.name}: intent ${intent} has weight but no phrases`);
  }
}

const js = (v: unknown): string => JSON.stringify(v, null, 2);

/** An array one item per line: long curves and stage lists stay readable and small. */
function jsLines(items: readonly unknown[], indent = ''): string {
  if (items.length === 0) return '[]';
  return `[\n${items.map((x) => `${indent}  ${JSON.stringify(x)}`).join(',\n')}\n${indent}]`;
}

const STAGES_MARK = '__stages__';

/** The k6 script; throws on a curve or mix it cannot replay. */
export function renderK6Script(input: K6ExportInput, options: K6ExportOptions = {}): string {
  const o = { ...k6ExportDefaults, ...options } satisfies Required<K6ExportOptions>;
  checkInput(input);
  const plan = arrivalPlan(input.curve, o.scale, o.speed);
  const thinkWallMs = Math.round((o.thinkSec / o.speed) * 1000);
  const convWallSec = o.maxTurns * (thinkWallMs / 1000 + 1);
  const preAllocatedVUs = Math.max(10, Math.ceil(plan.peakPerSec * convWallSec * 1.5));
  const maxVUs = preAllocatedVUs * 4;
  const thresholds: Record<string, string[]> = {};
  for (const expr of o.thresholds) {
    const [metric, k6] = k6Threshold(parseThreshold(expr), plan);
    thresholds[metric] = [...(thresholds[metric] ?? []), k6];
  }
  const mix = Object.entries(input.intentMix).filter(([, w]) => w > 0);
  const phrases = Object.fromEntries(mix.map(([intent]) => [intent, input.phrases[intent]]));
  const followUps = Object.fromEntries(
    mix.flatMap(([intent]) => {
      const list = input.followUps?.[intent] ?? [];
      return list.length === 0 ? [] : [[intent, list]];
    }),
  );
  const options_ = {
    tags: {
      pd_scenario: input.name,
      pd_ref: input.ref ?? input.name,
      pd_scale: String(o.scale),
      pd_speed: String(o.speed),
      ...(input.start === undefined ? {} : { pd_start: input.start }),
    },
    scenarios: {
      promotion: {
        executor: 'ramping-arrival-rate',
        startRate: plan.startRate,
        timeUnit: plan.timeUnit,
        preAllocatedVUs,
        maxVUs,
        stages: STAGES_MARK,
        gracefulStop: `${o.patienceSec * o.maxTurns}s`,
      },
    },
    thresholds,
  };
  const k6Thresholds = Object.entries(thresholds)
    .flatMap(([m, list]) => list.map((x) => `${m}: ${x}`))
    .join('; ');

  return `// @ts-check
/**
 * peakdesk k6 script for scenario "${input.name}" — generated by \`peakdesk export k6\`; edit the
 * scenario and export again rather than this file.
 *
 * Replays the scenario's traffic curve with k6's ramping-arrival-rate executor (an open model: a new
 * conversation starts on schedule whether or not earlier ones finished) at scale ${o.scale} and speed ${o.speed}:
 * ${plan.stages.length} stages over ${plan.durationSec} s, ${Math.round(plan.volume)} conversations in all, peak ${Number(plan.peakPerSec.toFixed(2))}/s.
 * Each iteration is one customer conversation over WebSocket protocol v1: up to ${o.maxTurns} turns, ${thinkWallMs} ms
 * think time after each reply, abandoned after ${o.patienceSec} s without a reply.
 *
 * Metrics: ${K6_METRICS.latency} (Trend, ms from the intended send time, so a slow server cannot
 * hide its backlog), ${K6_METRICS.resolution} (Rate over ended conversations), ${K6_METRICS.handoffPrefix}<queue>
 * (Counters), ${K6_METRICS.outcomes} (Counter tagged outcome and intent), and the rates behind the thresholds:
 * ${k6Thresholds || 'none'}.
 *
 * Run locally:
 *   k6 run --out json=out.json -e PEAKDESK_TARGET=ws://HOST:8080/chat [-e PEAKDESK_TOKEN=…] ${input.name}.k6.js
 *   peakdesk import k6 out.json      # → results folder; then peakdesk report / peakdesk plan on it
 *
 * Run distributed with k6-operator (https://github.com/grafana/k6-operator): put the script in a
 * ConfigMap and start a TestRun; k6-operator splits the arrival rate over \`parallelism\` runners
 * (execution segments), so the stages above stay the total.
 *   kubectl create configmap peakdesk-${input.name} --from-file=script.js=${input.name}.k6.js
 *   kubectl apply -f - <<'YAML'
 *   apiVersion: k6.io/v1alpha1
 *   kind: TestRun
 *   metadata:
 *     name: peakdesk-${input.name}
 *   spec:
 *     parallelism: 4
 *     script:
 *       configMap:
 *         name: peakdesk-${input.name}
 *         file: script.js
 *     arguments: --out json=/tmp/out.json
 *     runner:
 *       env:
 *         - name: PEAKDESK_TARGET
 *           value: ws://peakdesk-bot.default.svc:8080/chat
 *   YAML
 * Each runner writes its out.json inside its pod: give the runners a volume (spec.runner.volumes and
 * volumeMounts) or kubectl cp the files out, then import them together:
 *   peakdesk import k6 out-1.json out-2.json …
 */
import { WebSocket } from 'k6/websockets';
import { setTimeout, clearTimeout } from 'k6/timers';
import { Counter, Gauge, Rate, Trend } from 'k6/metrics';
import exec from 'k6/execution';

const TARGET = __ENV.PEAKDESK_TARGET || ${js(o.target)};
const TOKEN = __ENV.PEAKDESK_TOKEN || '';
const LOCALE = ${js(o.locale)};
const SPEED = ${o.speed};
const MAX_TURNS = ${o.maxTurns};
const THINK_MS = ${thinkWallMs};
const PATIENCE_MS = ${o.patienceSec * 1000};

/** @type {{ atSec: number, perMin: number }[]} */
const CURVE = ${jsLines(input.curve.map((p) => ({ atSec: p.atSec, perMin: p.perMin })))};

/** @type {[string, number][]} */
const MIX = ${jsLines(mix)};

/** @type {Record<string, string[]>} */
const PHRASES = ${js(phrases)};

/** @type {Record<string, string[]>} */
const FOLLOW_UPS = ${js(followUps)};

/** @type {import('k6/options').Options} */
export const options = ${js(options_).replace(JSON.stringify(STAGES_MARK), jsLines(plan.stages, '      '))};

const replyLatency = new Trend(${js(K6_METRICS.latency)}, true);
const botResolution = new Rate(${js(K6_METRICS.resolution)});
const abandonedRate = new Rate(${js(K6_METRICS.abandoned)});
const failedRate = new Rate(${js(K6_METRICS.failed)});
const handoffRate = new Rate(${js(K6_METRICS.handoff)});
const errorReplies = new Rate(${js(K6_METRICS.errorReplies)});
const conversations = new Counter(${js(K6_METRICS.conversations)});
const outcomes = new Counter(${js(K6_METRICS.outcomes)});
const messages = new Counter(${js(K6_METRICS.messages)});
const errors = new Counter(${js(K6_METRICS.errors)});
const curveNow = new Gauge(${js(K6_METRICS.curve)});
/** @type {Record<string, Counter>} */
const handoffs = {
${QUEUES.map((q) => `  ${q}: new Counter(${js(K6_METRICS.handoffPrefix + q)}),`).join('\n')}
};

const MIX_TOTAL = MIX.reduce((sum, [, w]) => sum + w, 0);

/** @returns {string} */
function pickIntent() {
  let r = Math.random() * MIX_TOTAL;
  for (const [intent, w] of MIX) {
    r -= w;
    if (r < 0) return intent;
  }
  return MIX[MIX.length - 1][0];
}

/** @param {string[]} list @returns {string} */
function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

/** The curve at a scenario second (real scale, per minute), linear between points. @param {number} sec */
function curveAt(sec) {
  if (sec <= CURVE[0].atSec) return CURVE[0].perMin;
  for (let i = 1; i < CURVE.length; i++) {
    const a = CURVE[i - 1];
    const b = CURVE[i];
    if (sec <= b.atSec) return a.perMin + ((b.perMin - a.perMin) * (sec - a.atSec)) / (b.atSec - a.atSec);
  }
  return CURVE[CURVE.length - 1].perMin;
}

/** @typedef {'resolved' | 'handed_off' | 'abandoned' | 'failed'} Outcome */

export default function () {
  const arrival = Date.now();
  const intent = pickIntent();
  const conv = \`k6-\${exec.vu.idInTest}-\${exec.scenario.iterationInTest}\`;
  conversations.add(1, { intent });
  curveNow.add(curveAt(((arrival - exec.scenario.startTime) / 1000) * SPEED));

  const url = TOKEN === '' ? TARGET : \`\${TARGET}\${TARGET.includes('?') ? '&' : '?'}token=\${encodeURIComponent(TOKEN)}\`;
  const ws = new WebSocket(url);
  let turn = 0;
  let pending = '';
  let intended = arrival;
  let done = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @param {Outcome} outcome @param {string} [endReason] */
  function finish(outcome, endReason) {
    if (done) return;
    done = true;
    if (timer !== undefined) clearTimeout(timer);
    outcomes.add(1, { outcome, intent });
    botResolution.add(outcome === 'resolved', { intent });
    abandonedRate.add(outcome === 'abandoned');
    failedRate.add(outcome === 'failed');
    handoffRate.add(outcome === 'handed_off');
    if (endReason !== undefined && ws.readyState === 1) ws.send(JSON.stringify({ type: 'end', conv, reason: endReason }));
    ws.close();
  }

  function sendTurn() {
    turn += 1;
    pending = \`\${conv}-m\${turn}\`;
    const lines = turn > 1 && FOLLOW_UPS[intent] !== undefined ? FOLLOW_UPS[intent] : PHRASES[intent];
    ws.send(JSON.stringify({ type: 'msg', id: pending, conv, text: pick(lines), locale: LOCALE }));
    messages.add(1, { intent });
    timer = setTimeout(() => finish('abandoned', 'abandoned'), PATIENCE_MS);
  }

  ws.addEventListener('open', () => sendTurn());
  ws.addEventListener('message', (event) => {
    const e = /** @type {import('k6/websockets').MessageEvent} */ (event);
    /** @type {{ type: string, replyTo?: string, code?: string, action?: string, resolved?: boolean, handoff?: { queue: string, reason: string } }} */
    const frame = JSON.parse(String(e.data));
    if (frame.replyTo !== pending || done) return;
    if (timer !== undefined) clearTimeout(timer);
    const now = Date.now();
    replyLatency.add(now - intended, { intent });
    if (frame.type === 'error') {
      errorReplies.add(true);
      errors.add(1, { code: String(frame.code) });
      finish('failed');
      return;
    }
    errorReplies.add(false);
    if (frame.action === 'handoff' && frame.handoff !== undefined) {
      const counter = handoffs[frame.handoff.queue];
      if (counter !== undefined) counter.add(1, { intent, reason: frame.handoff.reason });
      finish('handed_off', 'handoff_accepted');
    } else if (frame.resolved === true) {
      finish('resolved', 'resolved');
    } else if (turn >= MAX_TURNS) {
      finish('abandoned', 'abandoned');
    } else {
      intended = now + THINK_MS;
      timer = setTimeout(sendTurn, THINK_MS);
    }
  });
  ws.addEventListener('error', () => finish('failed'));
  ws.addEventListener('close', () => finish('failed'));
}
`;
}
