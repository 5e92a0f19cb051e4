// `peakdesk export k6 SCENARIO [-o FILE]` and `peakdesk import k6 K6_JSON… [--out DIR]`.
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { Locale } from '../../server/bot/types.ts';
import { PeakdeskError, usageError } from '../errors.ts';
import { type K6InputOptions, loadK6Input } from './from-scenario.ts';
import { importK6 } from './k6-import.ts';
import { type K6ExportInput, k6ExportDefaults, renderK6Script } from './k6-script.ts';

/** Turns a scenario name or path into what the export needs. */
export type K6ScenarioLoader = (nameOrPath: string, options: K6InputOptions) => Promise<K6ExportInput>;

function parseLocale(value: string): Locale {
  if (value !== 'zh-CN' && value !== 'en-US')
    throw usageError(`--locale must be zh-CN or en-US, got ${value}`);
  return value;
}

function positive(option: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw usageError(`${option} must be > 0, got ${value}`);
    return n;
  };
}

function seconds(option: string): (value: string) => number {
  return (value) => {
    const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(value.trim());
    if (m === null) throw usageError(`${option} must be a duration like 8s or 2m, got ${value}`);
    const factor = { ms: 0.001, s: 1, m: 60, h: 3600 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
    return Number(m[1]) * factor;
  };
}

function minutes(value: string): number {
  const s = seconds('--interval')(value);
  if (s < 60 || s % 60 !== 0) throw usageError(`--interval must be whole minutes like 15m, got ${value}`);
  return s / 60;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function subcommandParent(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/** Adds `export k6` and `import k6`; `loadScenario` defaults to the built-in scenarios and scenario files. */
export function registerK6Commands(program: Command, loadScenario: K6ScenarioLoader = loadK6Input): void {
  subcommandParent(program, 'export', 'export a scenario for another load tool')
    .command('k6')
    .description('write a k6 script that replays the scenario (ramping-arrival-rate, WebSocket protocol v1)')
    .argument('<SCENARIO>', 'built-in scenario name or scenario file')
    .option('-o, --output <FILE>', 'write the script here (default: standard output)')
    .option('--window <HH:MM-HH:MM>', 'replay only this part of the scenario, as for peakdesk run')
    .addOption(
      new Option('--locale <L>', 'language the customers write in: zh-CN or en-US')
        .argParser(parseLocale)
        .default('zh-CN'),
    )
    .addOption(
      new Option('--scale <F>', 'fraction of real volume')
        .argParser(positive('--scale'))
        .default(k6ExportDefaults.scale),
    )
    .addOption(
      new Option('--speed <X>', 'scenario seconds per wall second')
        .argParser(positive('--speed'))
        .default(k6ExportDefaults.speed),
    )
    .option(
      '--target <URL>',
      'default WebSocket endpoint (PEAKDESK_TARGET overrides)',
      k6ExportDefaults.target,
    )
    .addOption(
      new Option('--max-turns <N>', 'customer turns before giving up')
        .argParser(positive('--max-turns'))
        .default(k6ExportDefaults.maxTurns),
    )
    .addOption(
      new Option('--think <D>', 'think time between reply and next message, scenario time')
        .argParser(seconds('--think'))
        .default(k6ExportDefaults.thinkSec),
    )
    .addOption(
      new Option('--patience <D>', 'wall time without a reply before abandoning')
        .argParser(seconds('--patience'))
        .default(k6ExportDefaults.patienceSec),
    )
    .option(
      '--threshold <EXPR>',
      'threshold as for peakdesk run (repeatable; default p99<1s and dropped<1%)',
      collect,
    )
    .action(
      async (
        scenario: string,
        opts: {
          output?: string;
          window?: string;
          locale: Locale;
          scale: number;
          speed: number;
          target: string;
          maxTurns: number;
          think: number;
          patience: number;
          threshold?: string[];
        },
      ) => {
        const input = await loadScenario(scenario, {
          locale: opts.locale,
          ...(opts.window === undefined ? {} : { window: opts.window }),
        });
        let script: string;
        try {
          script = renderK6Script(input, {
            scale: opts.scale,
            speed: opts.speed,
            target: opts.target,
            locale: opts.locale,
            maxTurns: Math.round(opts.maxTurns),
            thinkSec: opts.think,
            patienceSec: opts.patience,
            ...(opts.threshold === undefined ? {} : { thresholds: opts.threshold }),
          });
        } catch (err) {
          if (err instanceof Error && !(err instanceof PeakdeskError))
            throw usageError(`export k6 ${scenario}: ${err.message}`);
          throw err;
        }
        if (opts.output === undefined) process.stdout.write(script);
        else {
          writeFileSync(opts.output, script);
          process.stdout.write(`${opts.output}\n`);
        }
      },
    );

  subcommandParent(program, 'import', 'import results of another load tool')
    .command('k6')
    .description('turn k6 --out json output (one file per runner) into a results folder')
    .argument('<K6_JSON...>', 'k6 JSON output files (.json or .gz)')
    .option('--out <DIR>', 'folder to create the run folder in', 'results')
    .addOption(
      new Option('--interval <D>', 'scenario interval of the interval lines').argParser(minutes).default(15),
    )
    .action((files: string[], opts: { out: string; interval: number }) => {
      const path = importK6(files, opts.out, { intervalMinutes: opts.interval });
      process.stdout.write(`${path}\n`);
    });
}
