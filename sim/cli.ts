// The `peakdesk` command line: builds the program from each part's register function and turns
// errors into output and exit codes in this one place.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerServeCommand } from '../server/serve-command.ts';
import { registerTranscriptsCommand } from '../server/transcripts-command.ts';
import { ExitCode, type ExitCodeValue, PeakdeskError } from './errors.ts';
import { registerK6Commands } from './k6/cli.ts';
import { registerPlanCommand } from './plan/plan-command.ts';
import { registerReportCommand } from './report/cli.ts';
import { registerRunCommand } from './run/run-command.ts';
import { registerErlangCommand } from './staffing/cli.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  const program = new Command('peakdesk')
    .description(
      'Load simulation and capacity planning for e-commerce customer service under promotion traffic\n' +
        '(Double 11, 618): a reference bot server, an open-model load engine, Erlang C/A staffing.',
    )
    .version(pkg.version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerRunCommand(program);
  registerServeCommand(program);
  registerPlanCommand(program);
  registerErlangCommand(program);
  registerReportCommand(program);
  registerK6Commands(program);
  registerTranscriptsCommand(program);
  return program;
}

/** Runs the CLI and returns the exit code; every error becomes one message on stderr. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    // Commands that finish with a verdict (run: 99 when a threshold failed) leave it in process.exitCode.
    return typeof process.exitCode === 'number' ? (process.exitCode as ExitCodeValue) : ExitCode.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return ExitCode.ok;
      return ExitCode.usage;
    }
    if (err instanceof PeakdeskError) {
      process.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(
      `peakdesk: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    return ExitCode.error;
  }
}

if (process.argv[1] !== undefined && /peakdesk(\.js)?$|cli\.ts$/.test(process.argv[1])) {
  process.exitCode = await main(process.argv.slice(2));
}
