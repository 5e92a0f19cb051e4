// `peakdesk serve` as a user runs it: a real process, SIGTERM, exit code and the options it takes.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const BIN = new URL('../bin/peakdesk.js', import.meta.url).pathname;

describe('peakdesk serve', () => {
  it('listens, answers /healthz, and exits 0 on SIGTERM within 5 s', async () => {
    const child = spawn(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--threads', '2', '--max-conns-per-ip', '100', '--idle-timeout', '60'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m =
          /listening on (http:\/\/127\.0\.0\.1:\d+) \(WS ws:\/\/127\.0\.0\.1:\d+\/chat, 2 threads\)/.exec(
            out,
          );
        if (m !== null) resolve(m[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const t0 = Date.now();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(out).toContain('peakdesk serve: SIGTERM, closing sockets');
    expect(out).toContain('peakdesk serve: stopped');
  }, 20_000);

  it('names a bad option value and exits 2', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--threads', 'many'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toBe('--threads must be an integer, got "many"\n');
  });
});
