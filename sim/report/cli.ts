// `peakdesk report RUN_DIR [--lang zh|en]`: writes report.html and summary.md into the run folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { usageError } from '../errors.ts';
import { LANGS, type Lang } from './i18n.ts';
import { loadRunDir } from './load-run-dir.ts';
import { renderReportHtml } from './render-html.ts';
import type { StaffingRow } from './staffing-rows.ts';
import { renderSummaryMd } from './summary-md.ts';

export function parseLang(value: string): Lang {
  if (!(LANGS as readonly string[]).includes(value))
    throw usageError(`--lang must be one of ${LANGS.join(', ')}, got "${value}"`);
  return value as Lang;
}

export interface WriteReportOptions {
  /** @default 'zh' */
  lang?: Lang;
  /** Staffing rows from the staffing engine; when absent, staffing.csv in the folder (if any). */
  staffing?: readonly StaffingRow[];
}

/** Reads a run folder and writes report.html and summary.md into it; returns their paths. */
export function writeReport(
  dir: string,
  options: WriteReportOptions = {},
): { html: string; markdown: string } {
  const data = loadRunDir(dir);
  const lang = options.lang ?? 'zh';
  const html = join(dir, 'report.html');
  const markdown = join(dir, 'summary.md');
  writeFileSync(
    html,
    renderReportHtml(data, {
      lang,
      ...(options.staffing === undefined ? {} : { staffing: options.staffing }),
    }),
  );
  writeFileSync(markdown, renderSummaryMd(data, { lang }));
  return { html, markdown };
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('write report.html (charts, insights) and summary.md into a results folder')
    .argument('<RUN_DIR>', 'a results folder written by `peakdesk run` or `peakdesk import k6`')
    .option('--lang <lang>', 'report language: zh or en', parseLang, 'zh' as Lang)
    .action((dir: string, opts: { lang: Lang }) => {
      const { html, markdown } = writeReport(dir, { lang: opts.lang });
      process.stdout.write(`${html}\n${markdown}\n`);
    });
}
