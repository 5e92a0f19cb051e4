// HTTP load on `POST /v1/chat` with autocannon: multi-turn sessions (each connection carries a
// session id across its requests) and a fixed overall rate per stage. A closed-loop stress tool:
// autocannon writes a connection's next request when the reply arrives (a rate is a per-second quota,
// so requests go out in bursts) and times from the write; with a rate its "coordinated omission
// correction" backfills at a 1 ms interval (`Math.ceil(1 / rate)`), adding samples, not waits. Scenario
// replays over HTTP, with latency from the intended send time, are the HTTP driver, http-driver.ts (`peakdesk run`).
import autocannon from 'autocannon';
import { PeakdeskError } from '../errors.ts';

export interface HttpStage {
  durationSec: number;
  /** Requests per second over all connections. */
  ratePerSec: number;
}

export interface HttpLoadOptions {
  /** http://host:port/v1/chat */
  url: string;
  token?: string;
  /** Concurrent connections (each one a customer session). @default 50 */
  connections?: number;
  /** Customer messages, cycled through. */
  texts: readonly string[];
  /** Turns per session before a connection starts a new one. @default 5 */
  turnsPerSession?: number;
}

export interface HttpStageResult extends HttpStage {
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
}

interface SessionContext {
  session?: string;
  turn?: number;
  text?: number;
}

/** One autocannon run at a fixed rate. */
export async function runHttpStage(stage: HttpStage, o: HttpLoadOptions): Promise<HttpStageResult> {
  if (!(stage.ratePerSec > 0))
    throw new PeakdeskError(`HTTP stage rate must be > 0, got ${stage.ratePerSec}`);
  const turns = o.turnsPerSession ?? 5;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.token !== undefined) headers.authorization = `Bearer ${o.token}`;
  const result = await autocannon({
    url: o.url,
    connections: o.connections ?? 50,
    duration: stage.durationSec,
    overallRate: stage.ratePerSec,
    headers,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context: SessionContext) => {
          const i = context.text ?? Math.floor(Math.random() * o.texts.length);
          context.text = i + 1;
          const text = o.texts[i % o.texts.length];
          return {
            ...req,
            body: JSON.stringify(
              context.session === undefined ? { text } : { session: context.session, text },
            ),
          };
        },
        onResponse: (status, body, context: SessionContext) => {
          if (status !== 200) return;
          context.turn = (context.turn ?? 0) + 1;
          if (context.turn >= turns) {
            context.session = undefined;
            context.turn = 0;
            return;
          }
          context.session = (JSON.parse(body) as { session: string }).session;
        },
      },
    ],
  });
  return {
    ...stage,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
  };
}

/** Stages one after another (a curve as steps); results per stage. */
export async function runHttpStages(
  stages: readonly HttpStage[],
  o: HttpLoadOptions,
): Promise<HttpStageResult[]> {
  const out: HttpStageResult[] = [];
  for (const stage of stages) out.push(await runHttpStage(stage, o));
  return out;
}
