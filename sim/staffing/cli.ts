// `peakdesk erlang`: one queue, one period — agents needed for a target, or the figures for a
// given number of agents. Parsing and printing only; the maths is in solve-agents.ts.
import { type Command, Option } from 'commander';
import { usageError } from '../errors.ts';
import { parseBoundedNumber, parseDurationSeconds, parsePositiveInt, parseTarget } from './cli-values.ts';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelDefinition } from './queue-model.ts';
import {
  type Binding,
  evaluateAgents,
  type ModelName,
  type ServiceTarget,
  type StaffingInput,
  scheduledAgents,
  solveAgents,
} from './solve-agents.ts';

/** What `peakdesk erlang` was asked, after parsing. */
export interface ErlangQuestion {
  contacts: number;
  periodSec: number;
  /** One AHT (seconds), or one per concurrency level 1..K. */
  ahtSec: readonly number[];
  target: ServiceTarget;
  agents?: number;
  patienceSec?: number;
  maxOccupancy: number;
  maxAbandon: number;
  shrinkage: number;
  concurrency?: number;
  serviceLevelDefinition: ServiceLevelDefinition;
}

/** The `--json` answer; field names fixed by DESIGN.md, the rest are extras. */
export interface ErlangAnswer {
  /** Agents the figures are for: `--agents`, else `raw`. */
  agents: number;
  /** Agents the target needs on the queue. */
  raw: number;
  /** Agents to schedule for `raw` after shrinkage. */
  scheduled: number;
  pWait: number;
  serviceLevel: number;
  /** null when the queue is unstable (Erlang C with agents ≤ erlangs). */
  asaSeconds: number | null;
  occupancy: number;
  pAbandon: number;
  erlangs: number;
  /** The constraint that set `raw`. */
  binding: Binding;
  model: ModelName;
  concurrency: number;
  ahtSec: number;
  targetPercent: number;
  targetSeconds: number;
  serviceLevelDefinition: ServiceLevelDefinition | null;
  meetsTarget: boolean;
}

function staffingInput(q: ErlangQuestion): StaffingInput {
  const concurrency = q.concurrency ?? q.ahtSec.length;
  if (q.ahtSec.length > 1 && concurrency > q.ahtSec.length)
    throw usageError(
      `--concurrency ${concurrency} needs one --aht per level 1..${concurrency}, got ${q.ahtSec.length}`,
    );
  const handle = q.ahtSec.length === 1 ? { ahtSec: q.ahtSec[0] as number } : { ahtByConcurrency: q.ahtSec };
  return {
    ...handle,
    concurrency,
    arrivalRatePerSec: q.contacts / q.periodSec,
    target: q.target,
    patienceSec: q.patienceSec,
    serviceLevelDefinition: q.serviceLevelDefinition,
    maxOccupancy: q.maxOccupancy,
    maxAbandon: q.maxAbandon,
    shrinkage: q.shrinkage,
  };
}

/** Answers the question: solves for the target and, with `agents`, evaluates that many. */
export function answerErlang(q: ErlangQuestion): ErlangAnswer {
  const input = staffingInput(q);
  const solved = solveAgents(input);
  const m = q.agents === undefined ? solved : evaluateAgents(input, q.agents);
  const goal = q.target.percent / 100 - 1e-12;
  return {
    agents: m.agents,
    raw: solved.raw,
    scheduled: scheduledAgents(solved.raw, q.shrinkage),
    pWait: m.pWait,
    serviceLevel: m.serviceLevel,
    asaSeconds: Number.isFinite(m.asaSeconds) ? m.asaSeconds : null,
    occupancy: m.occupancy,
    pAbandon: m.pAbandon,
    erlangs: m.erlangs,
    binding: solved.binding,
    model: m.model,
    concurrency: m.concurrency,
    ahtSec: m.ahtSec,
    targetPercent: q.target.percent,
    targetSeconds: q.target.seconds,
    serviceLevelDefinition: q.patienceSec === undefined ? null : q.serviceLevelDefinition,
    meetsTarget:
      m.serviceLevel >= goal && m.occupancy <= q.maxOccupancy + 1e-12 && m.pAbandon <= q.maxAbandon,
  };
}

const pct = (v: number): string => `${(v * 100).toFixed(2)}%`;

function formatSeconds(s: number): string {
  if (s >= 3600 && s % 3600 === 0) return `${s / 3600}h`;
  if (s >= 60 && s % 60 === 0) return `${s / 60}m`;
  return `${Number(s.toPrecision(6))}s`;
}

/** The human answer: a title line and an aligned two-column table. */
export function formatErlangAnswer(q: ErlangQuestion, a: ErlangAnswer): string {
  const model =
    a.model === 'erlang-c' ? 'Erlang C' : `Erlang A (patience ${formatSeconds(q.patienceSec ?? 0)})`;
  const aht = q.ahtSec.map(formatSeconds).join('/');
  const title =
    `${model}: ${q.contacts} contacts per ${formatSeconds(q.periodSec)}, AHT ${aht}` +
    `${a.concurrency > 1 ? `, ${a.concurrency} chats per agent` : ''}, target ${a.targetPercent}% in ${a.targetSeconds}s`;
  const rows: [string, string][] = [
    ['erlangs', a.erlangs.toFixed(2)],
    ['agents needed', `${a.raw} (binding: ${a.binding})`],
    ['scheduled', `${a.scheduled} (shrinkage ${pct(q.shrinkage)})`],
  ];
  if (q.agents !== undefined)
    rows.push(['figures for', `${a.agents} agents (${a.meetsTarget ? 'meets' : 'misses'} the target)`]);
  rows.push(
    ['P(wait)', pct(a.pWait)],
    [`service level ${a.targetSeconds}s`, pct(a.serviceLevel)],
    ['ASA', a.asaSeconds === null ? '∞ (unstable: agents ≤ erlangs)' : `${a.asaSeconds.toFixed(2)}s`],
    ['occupancy', pct(a.occupancy)],
  );
  if (a.model === 'erlang-a') rows.push(['abandon', pct(a.pAbandon)]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${title}\n${rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}

const ahtList = (value: string): number[] =>
  value.split(',').map((part) => {
    try {
      return parseDurationSeconds('--aht', '180s or 3m', part);
    } catch (err) {
      throw value.includes(',')
        ? usageError(`--aht must be durations like 180s,210s,260s, got "${value}"`)
        : err;
    }
  });

/** Registers `peakdesk erlang`; `write` receives the output (stdout by default). */
export function registerErlangCommand(
  program: Command,
  write: (text: string) => void = (text) => process.stdout.write(text),
): void {
  program
    .command('erlang')
    .description('agents needed for one queue and period (Erlang C, or Erlang A with --patience)')
    .requiredOption('--contacts <n>', 'contacts offered in the period', (v) =>
      parseBoundedNumber('--contacts', 'a number >= 0', (n) => n >= 0, v),
    )
    .requiredOption('--period <duration>', 'length of the period, e.g. 30m', (v) =>
      parseDurationSeconds('--period', '30m or 1h', v),
    )
    .requiredOption(
      '--aht <duration>',
      'average handle time, e.g. 180s; with chats, one per concurrency level: 180s,210s,260s',
      ahtList,
    )
    .addOption(
      new Option('--target <P/T>', 'P% answered within T seconds')
        .argParser((v) => parseTarget('--target', v))
        .default({ percent: 80, seconds: 20 }, '80/20'),
    )
    .option('--agents <n>', 'report the figures for this many agents', (v) => parsePositiveInt('--agents', v))
    .option('--patience <duration>', 'mean customer patience: switches to Erlang A', (v) =>
      parseDurationSeconds('--patience', '300s or 5m', v),
    )
    .option('--max-occupancy <f>', 'occupancy cap in (0, 1]', (v) =>
      parseBoundedNumber('--max-occupancy', 'in (0, 1]', (n) => n > 0 && n <= 1, v),
    )
    .option('--max-abandon <f>', 'abandonment cap in (0, 1] (Erlang A)', (v) =>
      parseBoundedNumber('--max-abandon', 'in (0, 1]', (n) => n > 0 && n <= 1, v),
    )
    .option('--shrinkage <f>', 'share of paid time off the queue, in [0, 1)', (v) =>
      parseBoundedNumber('--shrinkage', 'in [0, 1)', (n) => n >= 0 && n < 1, v),
    )
    .option('--concurrency <k>', 'chats an agent handles at once', (v) =>
      parsePositiveInt('--concurrency', v),
    )
    .option(
      '--sl-definition <name>',
      `Erlang A service level: ${SERVICE_LEVEL_DEFINITIONS.join(', ')}`,
      (v) => {
        if (!(SERVICE_LEVEL_DEFINITIONS as readonly string[]).includes(v))
          throw usageError(
            `--sl-definition must be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}, got "${v}"`,
          );
        return v as ServiceLevelDefinition;
      },
      'answered-of-offered',
    )
    .option('--json', 'print JSON (agents, raw, scheduled, pWait, serviceLevel, asaSeconds, …)')
    .addHelpText(
      'after',
      '\nDefaults: --target 80/20, no occupancy or abandonment cap, no shrinkage, 1 chat per agent.\n' +
        'Durations take a unit: s, m, h. Erlang A counts abandons as missed (--sl-definition to change).\n' +
        'Example: peakdesk erlang --contacts 100 --period 30m --aht 180s --target 80/20 --shrinkage 0.3',
    )
    .action((opts: Record<string, unknown>) => {
      const question: ErlangQuestion = {
        contacts: opts.contacts as number,
        periodSec: opts.period as number,
        ahtSec: opts.aht as number[],
        target: opts.target as ServiceTarget,
        agents: opts.agents as number | undefined,
        patienceSec: opts.patience as number | undefined,
        maxOccupancy: (opts.maxOccupancy as number | undefined) ?? 1,
        maxAbandon: (opts.maxAbandon as number | undefined) ?? 1,
        shrinkage: (opts.shrinkage as number | undefined) ?? 0,
        concurrency: opts.concurrency as number | undefined,
        serviceLevelDefinition: opts.slDefinition as ServiceLevelDefinition,
      };
      const answer = answerErlang(question);
      write(opts.json === true ? `${JSON.stringify(answer)}\n` : formatErlangAnswer(question, answer));
    });
}
