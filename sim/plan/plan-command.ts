import type { Command } from 'commander';
import { usageError } from '../errors.ts';
import { loadRunDir } from '../report/load-run-dir.ts';
import { parseDuration } from '../scenario/timeline.ts';
import { parseTarget } from '../staffing/cli-values.ts';
import { formatPlanTable } from '../staffing/plan-format.ts';
import {
  type PlanOverrides,
  type PlanPair,
  planFromRun,
  planFromScenario,
  savingLine,
  simulationTable,
  writePlanCsv,
} from './plan.ts';

function intervalMinutes(text: string): number {
  const minutes = parseDuration(text, '--interval') / 60_000;
  if (![15, 30, 60].includes(minutes)) throw usageError(`--interval must be 15m, 30m or 60m, got "${text}"`);
  return minutes;
}

/** `peakdesk plan RUN_DIR | --scenario S`: agents per interval and queue, with the bot and without it. */
export function registerPlanCommand(program: Command): void {
  program
    .command('plan')
    .description(
      'human agents needed per interval and queue (Erlang C/A), from a run or straight from a scenario',
    )
    .argument('[run-dir]', 'a results/<run-id>/ folder: plans the hand-offs the bot made in that run')
    .option('--scenario <s>', 'plan straight from a scenario with its assumed bot resolution (no run needed)')
    .option('--window <HH:MM-HH:MM>', 'with --scenario: part of its span')
    .option(
      '--interval <d>',
      "interval length: 15m, 30m or 60m (default: the run's, or 30m)",
      intervalMinutes,
    )
    .option('--sl <P/T>', "service level for every queue instead of the scenario's, e.g. 80/30", (v) =>
      parseTarget('--sl', v),
    )
    .option(
      '--patience <d>',
      'mean patience for every queue, e.g. 120s: Erlang A',
      (v) => parseDuration(v, '--patience') / 1000,
    )
    .option(
      '--out <dir>',
      'where staffing.csv goes (default: the run folder; with --scenario, none unless given)',
    )
    .option(
      '--simulate',
      'check each interval with the agent-pool discrete-event simulation (SL, abandonment ± 95% CI)',
    )
    .option('--seed <n>', 'seed of the simulation', (v) => Number(v), 1)
    .option('--json', 'print the plans as JSON instead of tables')
    .addHelpText(
      'after',
      [
        '',
        "Offered contacts are at real scale: a run's hand-offs are scaled back by its --scale.",
        'The "no bot" plan sends every conversation to a human, so the bot\'s saving is a number.',
        'Examples:',
        '  peakdesk plan results/20261111-000012-double11-s1',
        '  peakdesk plan --scenario double11 --interval 30m --sl 80/30',
      ].join('\n'),
    )
    .action(async (runDir: string | undefined, opts: Record<string, unknown>) => {
      const overrides: PlanOverrides = {
        ...(opts.interval === undefined ? {} : { intervalMinutes: opts.interval as number }),
        ...(opts.sl === undefined ? {} : { target: opts.sl as PlanOverrides['target'] }),
        ...(opts.patience === undefined ? {} : { patienceSec: opts.patience as number }),
      };
      const scenario = opts.scenario as string | undefined;
      if ((runDir === undefined) === (scenario === undefined)) {
        throw usageError('peakdesk plan needs either a run folder or --scenario NAME (one of them)');
      }
      let pair: PlanPair;
      let outDir = opts.out as string | undefined;
      if (runDir !== undefined) {
        const data = loadRunDir(runDir);
        pair = await planFromRun(data.meta, data.intervals, overrides);
        outDir ??= runDir;
      } else {
        pair = await planFromScenario(scenario as string, opts.window as string | undefined, overrides);
      }
      if (opts.json === true) {
        process.stdout.write(`${JSON.stringify({ withBot: pair.withBot, noBot: pair.noBot }, null, 2)}\n`);
      } else {
        process.stdout.write(`${formatPlanTable(pair.withBot, { timeZone: pair.timezone })}\n`);
        process.stdout.write(`${savingLine(pair)}\n`);
      }
      if (opts.simulate === true) {
        process.stdout.write(
          `\nSimulated (agent-pool DES, with the raw agents above):\n${simulationTable(pair, opts.seed as number)}\n`,
        );
      }
      if (outDir !== undefined) {
        const files = writePlanCsv(outDir, pair);
        process.stderr.write(`written: ${files.withBot}, ${files.noBot}\n`);
      }
    });
}
