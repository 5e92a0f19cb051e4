// The CLI as a user calls it: exit codes and messages of commands not covered elsewhere.
import { describe, expect, it } from 'vitest';
import { runCli as cli } from './testing/run-cli.ts';

describe('peakdesk CLI', () => {
  it('plan --scenario prints both plans as JSON, one row per interval and queue', async () => {
    const r = await cli(['plan', '--scenario', 'steady', '--interval', '60m', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      withBot: { rows: unknown[]; intervalMinutes: number };
      noBot: { rows: unknown[] };
    };
    expect(out.withBot.intervalMinutes).toBe(60);
    expect(out.withBot.rows).toHaveLength(4);
    expect(out.noBot.rows).toHaveLength(4);
  }, 30_000);

  it('plan needs exactly one of a run folder or --scenario, and a known interval', async () => {
    const none = await cli(['plan']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('peakdesk plan needs either a run folder or --scenario NAME (one of them)\n');
    const bad = await cli(['plan', '--scenario', 'steady', '--interval', '7m']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('--interval must be 15m, 30m or 60m, got "7m"\n');
  }, 30_000);

  it('transcripts decrypt names a file it cannot read', async () => {
    const missing = await cli(['transcripts', 'decrypt', '/nonexistent/tx.t0'], {
      ...process.env,
      PEAKDESK_TRANSCRIPT_KEY: '',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('cannot read transcript file "/nonexistent/tx.t0": ENOENT\n');
  }, 30_000);

  it('run --target takes ws(s):// and http(s):// URLs only, and HTTP-only options only with an http target', async () => {
    const [scheme, noPath, badHost, wsConnections, httpDrivers, httpMux, zeroMux, quantum] =
      await Promise.all([
        cli(['run', '--no-tui', '--target', 'ftp://127.0.0.1:8080/chat']),
        cli(['run', '--no-tui', '--target', 'http://127.0.0.1:8080']),
        cli(['run', '--no-tui', '--target', 'http://[::1/v1/chat']),
        cli(['run', '--no-tui', '--target', 'ws://127.0.0.1:8080/chat', '--connections', '8']),
        cli([
          'run',
          '--no-tui',
          '--target',
          'http://127.0.0.1:8080/v1/chat',
          '--drivers',
          '4',
          '--connections',
          '2',
        ]),
        cli(['run', '--no-tui', '--target', 'http://127.0.0.1:8080/v1/chat', '--convs-per-socket', '4']),
        cli(['run', '--no-tui', '--convs-per-socket', '0']),
        cli(['run', '--no-tui', '--send-quantum', '11']),
      ]);
    expect(scheme.code).toBe(2);
    expect(scheme.stderr).toBe(
      '--target must be a ws://, wss://, http:// or https:// URL with a path, like ' +
        'ws://127.0.0.1:8080/chat or http://127.0.0.1:8080/v1/chat, got "ftp://127.0.0.1:8080/chat"\n',
    );
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toMatch(/^--target must be .*, got "http:\/\/127\.0\.0\.1:8080"\n$/);
    expect(badHost.code).toBe(2);
    expect(badHost.stderr).toMatch(/^--target must be .*, got "http:\/\/\[::1\/v1\/chat"\n$/);
    expect(wsConnections.code).toBe(2);
    expect(wsConnections.stderr).toBe('--connections applies to an http:// or https:// --target only\n');
    expect(httpDrivers.code).toBe(2);
    expect(httpDrivers.stderr).toBe(
      '--connections must be at least --drivers (4): each driver needs a connection, got 2\n',
    );
    expect(httpMux.code).toBe(2);
    expect(httpMux.stderr).toBe('--convs-per-socket applies to a ws:// or wss:// target only\n');
    expect(zeroMux.code).toBe(2);
    expect(zeroMux.stderr).toBe('--convs-per-socket must be an integer >= 1, got 0\n');
    expect(quantum.code).toBe(2);
    expect(quantum.stderr).toBe('--send-quantum must be between 0 and 10 ms, got 11\n');
  }, 60_000);
});
