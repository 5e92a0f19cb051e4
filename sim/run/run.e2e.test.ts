// `npm start` as a user runs it, shortened: the real CLI, the embedded server, the default scenario.
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_RESULT_FILES } from '../results/records.ts';
import { runCli } from '../testing/run-cli.ts';

describe('peakdesk run (npm start, shortened)', () => {
  it('replays double11 against the embedded server and leaves a complete, balanced results folder', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-e2e-'));
    const { code, stdout, stderr } = await runCli(['run', '--no-tui', '--duration', '8s', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).not.toContain('\u001b[');
    const [runDir] = readdirSync(out);
    expect(runDir).toMatch(/^\d{8}-\d{6}-double11-s1$/);
    const dir = join(out, runDir as string);
    for (const f of RUN_RESULT_FILES) expect(existsSync(join(dir, f)), f).toBe(true);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.schemaVersion).toBe(1);
    expect(summary.complete).toBe(true);
    expect(summary.accounting.balanced).toBe(true);
    const a = summary.accounting;
    expect(a.arrivals).toBeGreaterThan(100);
    expect(a.arrivals).toBe(a.resolved + a.handedOff + a.abandoned + a.failed + a.dropped + a.inFlightAtStop);
    expect(summary.replies).toBeGreaterThan(0);
    expect(stdout).toContain(`Results: ${dir}`);
    expect(readFileSync(join(dir, 'staffing.csv'), 'utf8').startsWith('\uFEFFInterval Start,')).toBe(true);
  }, 120_000);

  it('exits 99 when a threshold fails and 2 on a bad option, naming it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'peakdesk-e2e-'));
    const failed = await runCli([
      'run',
      'flash-sale',
      '--no-tui',
      '--duration',
      '3s',
      '--out',
      out,
      '--threshold',
      'p50<0.001ms',
    ]);
    expect(failed.code).toBe(99);
    expect(failed.stdout).toMatch(/✗ p50<0\.001ms {2}p50=/);
    const bad = await runCli(['run', '--speed', '-2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--speed must be > 0, got -2\n');
    const unknown = await runCli(['run', 'no-such-scenario']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no-such-scenario/);
  }, 120_000);
});
