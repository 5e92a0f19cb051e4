// A run killed with SIGKILL (no chance to finish) still leaves data a report can be made from.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../../bin/peakdesk.js', import.meta.url).pathname;

describe('a run killed with SIGKILL', () => {
  it('leaves run.json, intervals and latency lines from which `peakdesk report` makes a PARTIAL report', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-kill-'));
    const run = spawn(
      process.execPath,
      [BIN, 'run', 'double11', '--no-tui', '--duration', '60s', '--out', out],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    run.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    // wait for the second progress line (≥ 10 s of data), then kill without warning
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if ((stdout.match(/^\[/gm) ?? []).length >= 2) {
          clearInterval(check);
          resolve();
        }
      }, 200);
    });
    const exited = new Promise((resolve) => run.once('exit', resolve));
    run.kill('SIGKILL');
    await exited;

    const [id] = readdirSync(out);
    const dir = join(out, id as string);
    expect(existsSync(join(dir, 'run.json'))).toBe(true);
    expect(existsSync(join(dir, 'summary.json'))).toBe(false);
    const seconds = readFileSync(join(dir, 'intervals.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.includes('"kind":"second"'));
    expect(seconds.length).toBeGreaterThanOrEqual(9);

    const report = spawn(process.execPath, [BIN, 'report', dir, '--lang', 'en'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const code = await new Promise((resolve) => report.once('exit', resolve));
    expect(code).toBe(0);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('PARTIAL');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/partial/i);
  }, 90_000);
});
