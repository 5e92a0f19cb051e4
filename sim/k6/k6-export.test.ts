import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/server.ts';
import { PeakdeskError } from '../errors.ts';
import { registerK6Commands } from './cli.ts';
import { runK6Script } from './fixtures/k6-shim.ts';
import { k6ToRun } from './k6-import.ts';
import { type K6ExportInput, renderK6Script } from './k6-script.ts';
import { arrivalPlan, curveVolume, stagesVolume } from './k6-stages.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

/** A flash sale: 20 minutes around a midnight spike, at real scale. */
const flash: K6ExportInput = {
  name: 'flash',
  start: '2026-11-11T00:00:00+08:00',
  curve: [
    { atSec: 0, perMin: 1000 },
    { atSec: 600, perMin: 20_000 },
    { atSec: 1200, perMin: 3000 },
    { atSec: 1800, perMin: 1000 },
  ],
  intentMix: { 'logistics.track': 3, 'promo.rules': 2, complaint: 1, greeting: 0 },
  phrases: {
    'logistics.track': ['我的快递到哪了 E2026111100012345', '物流怎么还没更新'],
    'promo.rules': ['满300减40能和店铺券叠加吗'],
    complaint: ['我要投诉，客服一直不回'],
  },
};

function optionsOf(script: string): {
  tags: Record<string, string>;
  scenarios: {
    promotion: {
      executor: string;
      startRate: number;
      timeUnit: string;
      preAllocatedVUs: number;
      maxVUs: number;
      stages: { duration: string; target: number }[];
    };
  };
  thresholds: Record<string, string[]>;
} {
  const m = /export const options = (\{[\s\S]*?\n\});\n/.exec(script);
  if (m === null) throw new Error('no options in script');
  return JSON.parse(m[1]!);
}

async function typecheck(file: string): Promise<{ code: number; out: string }> {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  const args = [
    tsc,
    '--allowJs',
    '--checkJs',
    '--noEmit',
    '--types',
    'k6',
    '--lib',
    'es2020',
    '--module',
    'es2020',
    '--moduleResolution',
    'node10',
    '--typeRoots',
    join(ROOT, 'node_modules/@types'),
    '--baseUrl',
    join(ROOT, 'node_modules/@types'),
    file,
  ];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe('arrival stages', () => {
  it('ramp between the curve points at scale × speed and integrate to the scenario volume', () => {
    const plan = arrivalPlan(flash.curve, 0.01, 10);
    expect(plan).toEqual({
      startRate: 100,
      timeUnit: '1m',
      stages: [
        { duration: '60s', target: 2000 },
        { duration: '60s', target: 300 },
        { duration: '60s', target: 100 },
      ],
      durationSec: 180,
      volume: 2400,
      peakPerSec: 2000 / 60,
    });
    expect(curveVolume(flash.curve, 0.01)).toBe(2400);
  });

  it('pick a coarser time unit so integer targets stay within 0.5% of the volume', () => {
    const curve = [
      { atSec: 0, perMin: 137 },
      { atSec: 1300, perMin: 4111 },
      { atSec: 2000, perMin: 59 },
    ];
    const plan = arrivalPlan(curve, 0.003, 7);
    expect(plan.timeUnit).toBe('1h');
    expect(plan.startRate).toBe(Math.round((137 / 60) * 0.003 * 7 * 3600));
    expect(plan.stages.map((s) => s.duration)).toEqual(['185714ms', '100s']);
    expect(plan.stages.map((s) => s.target)).toEqual([
      Math.round((4111 / 60) * 0.003 * 7 * 3600),
      Math.round((59 / 60) * 0.003 * 7 * 3600),
    ]);
    const want = curveVolume(curve, 0.003);
    expect(Math.abs(plan.volume - want) / want).toBeLessThan(0.005);
    expect(stagesVolume(plan.startRate, plan.timeUnit, plan.stages)).toBe(plan.volume);
  });

  it('reject a curve they cannot replay', () => {
    expect(() => arrivalPlan([{ atSec: 0, perMin: 10 }], 1, 1)).toThrow(
      'the curve needs at least two points, got 1',
    );
    expect(() =>
      arrivalPlan(
        [
          { atSec: 0, perMin: 10 },
          { atSec: 0, perMin: 20 },
        ],
        1,
        1,
      ),
    ).toThrow('curve point 1: atSec must increase, got 0 after 0');
    expect(() =>
      arrivalPlan(
        [
          { atSec: 0, perMin: 10 },
          { atSec: 60, perMin: -1 },
        ],
        1,
        1,
      ),
    ).toThrow('curve point 1 (at 60s): perMin must be ≥ 0, got -1');
  });
});

describe('k6 script', () => {
  it('carries the stages, the scenario tags and the thresholds in k6 form', () => {
    const script = renderK6Script(flash, {
      scale: 0.01,
      speed: 10,
      thresholds: [
        'p99<1s',
        'p99.9<=2s',
        'bot_resolution>0.7',
        'dropped<1%',
        'error_rate<1%',
        'abandoned<5%',
      ],
    });
    const o = optionsOf(script);
    expect(o.tags).toEqual({
      pd_scenario: 'flash',
      pd_ref: 'flash',
      pd_scale: '0.01',
      pd_speed: '10',
      pd_start: '2026-11-11T00:00:00+08:00',
    });
    const s = o.scenarios.promotion;
    expect(s.executor).toBe('ramping-arrival-rate');
    expect(stagesVolume(s.startRate, s.timeUnit, s.stages)).toBe(curveVolume(flash.curve, 0.01));
    expect(s.preAllocatedVUs).toBe(Math.ceil((2000 / 60) * 4 * (0.8 + 1) * 1.5));
    expect(s.maxVUs).toBe(4 * s.preAllocatedVUs);
    expect(o.thresholds).toEqual({
      peakdesk_reply_latency: ['p(99)<1000', 'p(99.9)<=2000'],
      peakdesk_bot_resolution: ['rate>0.7'],
      dropped_iterations: ['count<24'],
      peakdesk_error_replies: ['rate<0.01'],
      peakdesk_abandoned: ['rate<0.05'],
    });
    expect(script.startsWith('// @ts-check\n')).toBe(true);
    expect(script).toContain("import { WebSocket } from 'k6/websockets';");
    expect(script).toContain('kind: TestRun');
    expect(script).toContain('parallelism: 4');
    expect(script).toContain('configMap:');
    expect(script).toContain(
      'const MIX = [\n  ["logistics.track",3],\n  ["promo.rules",2],\n  ["complaint",1]\n];',
    );
    expect(script).toContain('"stages": [\n        {"duration":"60s","target":2000},\n');
    expect(script).not.toContain('"greeting"');
  });

  it('type-checks against @types/k6, and a broken edit does not', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'peakdesk-k6-'));
    const good = join(dir, 'flash.k6.js');
    const script = renderK6Script(flash, { speed: 10 });
    writeFileSync(good, script);
    expect(await typecheck(good)).toEqual({ code: 0, out: '' });
    const bad = join(dir, 'bad.k6.js');
    writeFileSync(
      bad,
      script.replace('replyLatency.add(now - intended, { intent });', "replyLatency.add('slow');"),
    );
    const res = await typecheck(bad);
    expect(res.code).toBe(2);
    expect(res.out).toContain(
      `error TS2345: Argument of type '"slow"' is not assignable to parameter of type 'number | boolean'`,
    );
  }, 60_000);

  it('rejects an intent that has weight but no phrases', () => {
    expect(() => renderK6Script({ ...flash, phrases: { 'logistics.track': ['x'] } })).toThrow(
      'scenario flash: intent promo.rules has weight but no phrases',
    );
  });
});

describe('peakdesk export k6', () => {
  const program = (): Command => {
    const p = new Command().exitOverride();
    registerK6Commands(p, async (name) => {
      if (name !== 'flash') throw new PeakdeskError(`unknown scenario "${name}"`, 2);
      return flash;
    });
    return p;
  };

  it('writes the script to -o FILE with the chosen scale and speed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'peakdesk-k6-')), 'out.js');
    const write = process.stdout.write.bind(process.stdout);
    const out: string[] = [];
    process.stdout.write = ((chunk: string) => {
      out.push(chunk);
      return true;
    }) as typeof process.stdout.write;
    try {
      await program().parseAsync(
        ['export', 'k6', 'flash', '-o', file, '--scale', '0.02', '--speed', '60', '--threshold', 'p99<500ms'],
        { from: 'user' },
      );
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toBe(`${file}\n`);
    const o = optionsOf(readFileSync(file, 'utf8'));
    expect(o.tags.pd_scale).toBe('0.02');
    expect(o.tags.pd_speed).toBe('60');
    expect(o.scenarios.promotion.stages.map((s) => s.duration)).toEqual(['10s', '10s', '10s']);
    expect(o.thresholds).toEqual({ peakdesk_reply_latency: ['p(99)<500'] });
  });

  it('names a bad option value', async () => {
    await expect(
      program().parseAsync(['export', 'k6', 'flash', '--speed', '-2'], { from: 'user' }),
    ).rejects.toThrow(new PeakdeskError('--speed must be > 0, got -2', 2));
    await expect(
      program().parseAsync(['export', 'k6', 'flash', '--threshold', 'p99<<2'], { from: 'user' }),
    ).rejects.toThrow('--threshold "p99<<2": expected METRIC OP VALUE like p99<200ms');
  });
});

describe('exported script against the reference bot server', () => {
  it('holds conversations over protocol v1 whose points import into balanced accounting', async () => {
    const server = await startServer({ port: 0, threads: 1 });
    try {
      const script = renderK6Script(flash, { speed: 100, target: server.wsUrl, maxTurns: 3 });
      const { points, sockets } = await runK6Script(script, 20, 20);
      expect(sockets).toBe(20);
      const run = k6ToRun(points);
      const a = run.summary.accounting;
      expect(a.arrivals).toBe(20);
      expect(a.dropped).toBe(0);
      expect(a.failed).toBe(0);
      expect(a.inFlightAtStop).toBe(0);
      expect(a.resolved + a.handedOff + a.abandoned).toBe(20);
      expect(run.summary.errors).toEqual({});
      expect(run.summary.replies).toBe(run.summary.messages);
      expect(run.summary.messages).toBeGreaterThanOrEqual(20);
      expect(run.summary.messages).toBeLessThanOrEqual(60);
      expect(Object.values(run.summary.handoffsByQueue).reduce((n, x) => n + x, 0)).toBe(a.handedOff);
      expect(Object.keys(run.summary.byIntent).every((i) => i in flash.intentMix)).toBe(true);
      expect(run.meta.options).toMatchObject({ speed: 100, scale: 0.01 });
    } finally {
      await server.stop();
    }
  }, 30_000);
});
