// `peakdesk run`: replays a scenario against a bot (embedded or --target, over WebSocket or HTTP),
// streams results to results/<run-id>/, shows the live dashboard (or plain progress lines), checks
// thresholds and ends with the summary. The shell around the pure parts: engine, aggregation, live
// state. Both transports fill the engine's LoadRun, so everything after the driver is shared.
import { cpus, totalmem } from 'node:os';
import { serverDefaults } from '../../server/options.ts';
import { type RunningServer, startServer } from '../../server/server.ts';
import { inFlight } from '../engine/counters.ts';
import { type LoadRun, type LoadSample, type LoadTotals, startLoad } from '../engine/load-engine.ts';
import { ExitCode, type ExitCodeValue, PeakdeskError } from '../errors.ts';
import type { LiveFrame } from '../live/frame.ts';
import { createLatencyHistogram, summarizeMs } from '../metrics/latency.ts';
import { planFromRun, savingLine, staffingRows, writePlanCsv } from '../plan/plan.ts';
import { writeReport } from '../report/cli.ts';
import type { IntervalRecord, RunMeta, RunSummary } from '../results/records.ts';
import { openRunDir, runId } from '../results/run-dir.ts';
import {
  evaluateThresholds,
  failingAbortThresholds,
  formatThresholdResult,
  parseThresholds,
  type ThresholdInput,
  thresholdsExitCode,
} from '../thresholds/threshold.ts';
import { formatFinalSummary, formatProgressLine } from '../tui/plain.ts';
import { outcomes, RunAggregator } from './aggregate.ts';
import { LiveState } from './live-state.ts';
import { type PreparedScenario, prepareScenario } from './prepare.ts';
import { formatClock } from './zoned-time.ts';

export interface RunOptions {
  /** Built-in scenario name or path. @default 'double11' */
  scenario: string;
  /** Scenario seconds per wall second; derived from --duration when only that is given. */
  speed?: number;
  /** Fraction of real volume. */
  scale?: number;
  /** HH:MM-HH:MM part of the scenario span. */
  window?: string;
  /** Cap on wall time, e.g. 2m. */
  duration?: string;
  /** ws://…/chat or http://…/v1/chat of a bot to test; without it an embedded reference server is started. */
  target?: string;
  token?: string;
  /** @default 1 */
  seed: number;
  /** Seed of the bot's store; must match the target's (`serve --seed`). @default 20261111 */
  storeSeed: number;
  /** Folder under which results/<run-id>/ is written. @default 'results' */
  out: string;
  /** Live dashboard when stdout is a TTY. @default true */
  tui: boolean;
  thresholds: string[];
  /** Driver threads. @default 1 */
  drivers: number;
  /** Threads of the embedded server. @default 1 */
  serverThreads: number;
  /** Scenario minutes per staffing interval. @default 15 */
  intervalMinutes: number;
  /** Open conversations allowed (as k6's maxVUs); past it arrivals are dropped. @default 50000 */
  maxConversations: number;
  /** Keep-alive connections to an http(s) target. @default 64 */
  connections: number;
  /** WebSocket: hand a socket to the next conversation when one ends. @default false */
  reuseSockets?: boolean;
  /** WebSocket: conversations multiplexed on one socket (a gateway in front of the bot). @default 1 */
  convsPerSocket?: number;
  /** Drivers as child processes (past one process's open-file limit). @default false */
  driverProcesses?: boolean;
  /** Messages due within this many ms go out together, an early one measured from its actual send. @default 1 (CLI) */
  sendQuantumMs?: number;
}

const PLAIN_EVERY_SEC = 5;
const WORKLOAD = new URL('./scenario-workload.ts', import.meta.url).href;

function machine(): RunMeta['machine'] {
  return {
    platform: process.platform,
    arch: process.arch,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

/** The curve sampled evenly over the replayed window, real scale, per minute (for the sparkline). */
function sampleCurve(p: PreparedScenario, points: number): number[] {
  const span = p.windowEndMs - p.windowStartMs;
  return Array.from({ length: points }, (_, i) =>
    p.curvePerMinAt(p.windowStartMs + (span * (i + 0.5)) / points),
  );
}

/** What thresholds read, from the run so far. */
function snapshot(frame: LiveFrame, messages: number): ThresholdInput {
  const c = frame.counts;
  const ended = c.resolved + c.handedOff + c.abandoned + c.failed;
  return {
    accounting: { ...outcomes(c), inFlightAtStop: c.scheduled - ended - c.dropped, balanced: true },
    messages,
    errors: c.errors,
    botResolution: ended === 0 ? null : c.resolved / ended,
    latency: frame.latency.total,
  };
}

export async function executeRun(o: RunOptions): Promise<ExitCodeValue> {
  const thresholds = parseThresholds(o.thresholds);
  const prepared = await prepareScenario(o.scenario, {
    speed: o.speed,
    scale: o.scale,
    window: o.window,
    duration: o.duration,
    seed: o.seed,
    storeSeed: o.storeSeed,
  });
  const convsPerSocket = o.convsPerSocket ?? 1;
  const server: RunningServer | undefined =
    o.target === undefined
      ? await startServer({
          port: 0,
          threads: o.serverThreads,
          seed: o.storeSeed,
          // a multiplexed socket carries that many customers: its per-socket limits scale with them
          ...(convsPerSocket > 1
            ? {
                rateLimitPerSec: serverDefaults.rateLimitPerSec * convsPerSocket,
                rateLimitBurst: serverDefaults.rateLimitBurst * convsPerSocket,
                maxConvsPerSocket: Math.max(serverDefaults.maxConvsPerSocket, convsPerSocket),
              }
            : {}),
        })
      : undefined;
  const target = o.target ?? (server as RunningServer).wsUrl;
  const startedAt = new Date();
  const id = runId(startedAt, prepared.name, o.seed);
  const dir = openRunDir(o.out, id, startedAt.getTime());
  const meta: RunMeta = {
    runId: id,
    scenario: {
      name: prepared.name,
      ref: prepared.workloadSpec.scenario,
      description: prepared.description,
      timezone: prepared.timezone,
      start: prepared.spanStart,
      end: prepared.spanEnd,
    },
    options: {
      speed: prepared.speed,
      scale: prepared.scale,
      window: o.window,
      duration: o.duration,
      seed: o.seed,
      target: o.target ?? 'embedded',
      embeddedServer: o.target === undefined,
      drivers: o.drivers,
      intervalMinutes: o.intervalMinutes,
      convsPerSocket,
      reuseSockets: o.reuseSockets ?? false,
      driverProcesses: o.driverProcesses ?? false,
      sendQuantumMs: o.sendQuantumMs ?? 1,
    },
    startedAt: startedAt.toISOString(),
    versions: { peakdesk: '0.1.0', node: process.version, uws: '20.30.0' },
    machine: machine(),
  };
  dir.writeRun(meta);

  const aggregator = new RunAggregator({
    scale: prepared.scale,
    speed: prepared.speed,
    scenarioStartMs: prepared.windowStartMs,
    scenarioEndMs: prepared.windowEndMs,
    timezone: prepared.timezone,
    intervalMinutes: o.intervalMinutes,
    curvePerMinAt: prepared.curvePerMinAt,
  });
  const live = new LiveState({
    scenarioName: prepared.name,
    scale: prepared.scale,
    drivers: o.drivers,
    curve: sampleCurve(prepared, 120),
    scenarioStartMs: prepared.windowStartMs,
    scenarioEndMs: prepared.windowEndMs,
    clock: (ms) => formatClock(ms, prepared.timezone),
    agentsFor: prepared.agentsFor,
    queues: prepared.queues,
  });

  const useTui = o.tui && process.stdout.isTTY === true;
  let dashboard: { update(frame: LiveFrame): void; unmount(): Promise<void> } | undefined;
  let lastFrame: LiveFrame | undefined;
  let lastPlainSec = 0;
  let abortedBy: string[] = [];
  const intervals: IntervalRecord[] = [];
  let lastSampleSec = 0;
  /** The drivers' worst event-loop lag p99 of any second (the final summary's generator health). */
  let worstLoopLagMs = 0;
  const onSample = (sample: LoadSample): void => {
    worstLoopLagMs = Math.max(worstLoopLagMs, sample.loopLagP99Ms);
    const { second, closed } = aggregator.add(sample);
    dir.appendInterval(second);
    for (const iv of closed) {
      dir.appendInterval(iv);
      intervals.push(iv);
    }
    // samples come as the drivers flush, about a second apart: each covers the time since the last
    dir.appendLatency(
      sample.latency,
      engine.startEpochMs + lastSampleSec * 1000,
      engine.startEpochMs + sample.realSec * 1000,
    );
    lastSampleSec = sample.realSec;
    lastFrame = live.update(sample, second, aggregator.scenarioMsAt(sample.planMs));
    const failing = failingAbortThresholds(thresholds, snapshot(lastFrame, live.counters().messagesSent));
    if (failing.length > 0 && abortedBy.length === 0) {
      abortedBy = failing.map(formatThresholdResult);
      engine.stop();
    }
    if (dashboard !== undefined) dashboard.update(lastFrame);
    else if (sample.realSec - lastPlainSec >= PLAIN_EVERY_SEC) {
      lastPlainSec = sample.realSec;
      process.stdout.write(`${formatProgressLine(lastFrame)}\n`);
    }
  };
  const engine: LoadRun = await startLoad({
    target,
    token: o.token,
    drivers: o.drivers,
    driverProcesses: o.driverProcesses,
    socketReuse: o.reuseSockets,
    convsPerSocket,
    sendQuantumMs: o.sendQuantumMs ?? 1,
    connections: o.connections,
    workloadModule: WORKLOAD,
    workloadSpec: prepared.workloadSpec,
    maxActive: o.maxConversations,
    onSample,
  });

  let interrupted = false;
  const onSignal = (): void => {
    interrupted = true;
    engine.stop();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let rateBeforePause = 1;
  if (useTui) {
    const { mountDashboard } = await import('../tui/mount.tsx');
    dashboard = mountDashboard({
      onQuit: onSignal,
      onPause: () => {
        if (engine.rate() === 0) engine.setRate(rateBeforePause);
        else {
          rateBeforePause = engine.rate();
          engine.setRate(0);
        }
      },
      onSpeed: (factor) => {
        const clamp = (r: number): number => Math.min(64, Math.max(1 / 64, r));
        // while paused, +/- change the speed the run resumes at
        if (engine.rate() === 0) rateBeforePause = clamp(rateBeforePause * factor);
        else engine.setRate(clamp(engine.rate() * factor));
      },
    });
  }

  let totals: LoadTotals;
  try {
    totals = await engine.done;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await server?.stop();
  }
  for (const iv of aggregator.finish()) {
    dir.appendInterval(iv);
    intervals.push(iv);
  }

  const summary = buildSummary(id, prepared, totals, interrupted || abortedBy.length > 0);
  summary.thresholds = evaluateThresholds(thresholds, summary);
  dir.writeSummary(summary as unknown as Record<string, unknown>);
  dir.close();

  // The staffing plan and the report come from what is on disk; a failure here loses no results.
  let exit: ExitCodeValue = thresholdsExitCode(summary.thresholds);
  const after: string[] = [];
  try {
    const pair = await planFromRun(meta, intervals);
    writePlanCsv(dir.path, pair);
    after.push(`Staffing: ${savingLine(pair)}`);
    const a = summary.accounting;
    if (a.abandoned > 0 && a.arrivals > 0) {
      // Customers who gave up on the bot are not in the with-bot demand; say so rather than flatter the bot.
      after.push(
        `  ${((a.abandoned / a.arrivals) * 100).toFixed(1)}% of conversations were abandoned by the customer: ` +
          'not staffed above, and a saving only if those customers do not come back to a human',
      );
    }
    const report = writeReport(dir.path, { lang: 'zh', staffing: staffingRows(pair) });
    after.push(`Report: ${report.html}`);
  } catch (err) {
    after.push(
      `peakdesk: staffing plan or report failed: ${(err as Error).message} (results are in ${dir.path})`,
    );
    exit = ExitCode.error;
  }

  if (lastFrame !== undefined) {
    lastFrame = {
      ...lastFrame,
      // the whole run's generator health, not the last (drained, idle) second's
      health: { ...lastFrame.health, slipP99Ms: summary.slip.p99, loopLagP99Ms: worstLoopLagMs },
      finished: { resultsDir: dir.path, complete: summary.complete },
    };
    if (dashboard !== undefined) {
      dashboard.update(lastFrame);
      await dashboard.unmount();
    }
    process.stdout.write(`${formatFinalSummary(lastFrame)}\n`);
  } else {
    process.stdout.write(`Results: ${dir.path}\n`);
  }
  for (const line of after) process.stdout.write(`${line}\n`);
  if (abortedBy.length > 0) process.stdout.write(`Stopped early by abortOnFail: ${abortedBy.join('; ')}\n`);
  if (summary.thresholds.length > 0) {
    process.stdout.write(
      `Thresholds:\n${summary.thresholds.map((r) => `  ${formatThresholdResult(r)}`).join('\n')}\n`,
    );
  }
  if (!summary.accounting.balanced) {
    throw new PeakdeskError(
      `accounting does not balance in ${dir.path}/summary.json: a bug in peakdesk, please report it`,
    );
  }
  return exit;
}

export function buildSummary(
  id: string,
  p: PreparedScenario,
  t: LoadTotals,
  interrupted: boolean,
): RunSummary {
  const c = t.counters;
  const byIntent: RunSummary['byIntent'] = {};
  for (const [intent, tally] of Object.entries(c.byIntent)) {
    const ended = tally.resolved + tally.handedOff + tally.abandoned + tally.failed;
    const h = t.latencyByIntent.get(intent);
    byIntent[intent] = {
      ...outcomes(tally),
      resolution: ended === 0 ? null : tally.resolved / ended,
      latency: summarizeMs(h ?? createLatencyHistogram()),
    };
  }
  const ended = c.resolved + c.handedOff + c.abandoned + c.failed;
  return {
    runId: id,
    complete: !interrupted && !t.stoppedEarly,
    endedAt: new Date().toISOString(),
    realSeconds: Math.round(t.realMs) / 1000,
    scenarioSpan: { start: p.spanStart, end: p.spanEnd },
    accounting: {
      ...outcomes(c),
      inFlightAtStop: t.inFlightAtStop,
      balanced: c.scheduled === ended + c.dropped + t.inFlightAtStop && inFlight(c) === t.inFlightAtStop,
    },
    messages: c.messagesSent,
    replies: c.replies,
    lateReplies: c.lateReplies,
    gaveUpWaiting: c.gaveUpWaiting,
    lateStarts: c.lateStarts,
    errors: c.errors,
    botResolution: ended === 0 ? null : c.resolved / ended,
    handoffsByQueue: c.handoffsByQueue,
    handoffsByReason: c.handoffsByReason,
    byIntent,
    latency: summarizeMs(t.latency),
    slip: summarizeMs(t.slip),
    thresholds: [],
  };
}
