/** Exit codes of the CLI (as k6: 99 when a threshold failed). */
export const ExitCode = { ok: 0, error: 1, usage: 2, threshold: 99 } as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The one error type turned into user output (sim/cli.ts prints `message` and exits with `exitCode`).
 * Messages name the option or input and the rule: "--speed must be > 0, got -2".
 */
export class PeakdeskError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCodeValue = ExitCode.error,
  ) {
    super(message);
    this.name = 'PeakdeskError';
  }
}

/** Bad usage or bad input: exit code 2. */
export function usageError(message: string): PeakdeskError {
  return new PeakdeskError(message, ExitCode.usage);
}
