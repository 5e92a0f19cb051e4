import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { usageError } from '../sim/errors.ts';
import { openTranscript, TRANSCRIPT_KEY_ENV, transcriptKey } from './transcripts.ts';

/** `peakdesk transcripts decrypt FILE`: prints the turns of a sealed transcript file as JSON lines. */
export function registerTranscriptsCommand(program: Command): void {
  const transcripts = program
    .command('transcripts')
    .description('read transcripts recorded by `serve --record-transcripts`');
  transcripts
    .command('decrypt')
    .argument('<file>', 'a transcript file, e.g. transcripts.jsonl.t0')
    .description(
      `decrypt a transcript file with the key in $${TRANSCRIPT_KEY_ENV}; prints one JSON turn per line`,
    )
    .action((file: string) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (err) {
        throw usageError(
          `cannot read transcript file "${file}": ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        );
      }
      const { turns, tornLastLine } = openTranscript(transcriptKey(), text);
      for (const turn of turns) process.stdout.write(`${JSON.stringify(turn)}\n`);
      if (tornLastLine)
        process.stderr.write(
          `peakdesk: the last line of ${file} was cut short (a crash mid-write); left out\n`,
        );
    });
}
