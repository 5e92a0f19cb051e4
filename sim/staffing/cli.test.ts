import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { registerErlangCommand } from './cli.ts';

async function run(...args: string[]): Promise<string> {
  let out = '';
  const program = new Command('peakdesk').exitOverride();
  program.configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  registerErlangCommand(program, (text) => {
    out += text;
  });
  await program.parseAsync(['erlang', ...args], { from: 'user' });
  return out;
}

async function usage(...args: string[]): Promise<string> {
  try {
    await run(...args);
  } catch (err) {
    expect(err).toBeInstanceOf(PeakdeskError);
    expect((err as PeakdeskError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error(`expected a usage error for ${args.join(' ')}`);
}

const example = ['--contacts', '100', '--period', '30m', '--aht', '180s'];

describe('peakdesk erlang', () => {
  // Call Centre Helper / pyworkforce worked example: 14 raw, 20 scheduled.
  it('finds the agents needed and prints the aligned table', async () => {
    const out = await run(...example, '--target', '80/20', '--max-occupancy', '0.85', '--shrinkage', '0.3');
    expect(out).toBe(
      'Erlang C: 100 contacts per 30m, AHT 3m, target 80% in 20s\n' +
        '  erlangs            10.00\n' +
        '  agents needed      14 (binding: service_level)\n' +
        '  scheduled          20 (shrinkage 30.00%)\n' +
        '  P(wait)            17.41%\n' +
        '  service level 20s  88.84%\n' +
        '  ASA                7.84s\n' +
        '  occupancy          71.43%\n',
    );
  });

  it('--json carries the contract fields', async () => {
    const json = JSON.parse(await run(...example, '--agents', '14', '--shrinkage', '0.3', '--json'));
    expect(json).toMatchObject({
      agents: 14,
      raw: 14,
      scheduled: 20,
      pAbandon: 0,
      erlangs: 10,
      binding: 'service_level',
      model: 'erlang-c',
    });
    expect(json.pWait).toBeCloseTo(0.1741, 4);
    expect(json.serviceLevel).toBeCloseTo(0.8884, 4);
    expect(json.asaSeconds).toBeCloseTo(7.84, 2);
    expect(json.occupancy).toBeCloseTo(0.7143, 4);
  });

  it('--agents reports that many and says the target is missed, ASA null when unstable', async () => {
    const json = JSON.parse(await run(...example, '--agents', '10', '--json'));
    expect([json.agents, json.raw, json.pWait, json.serviceLevel, json.asaSeconds, json.meetsTarget]).toEqual(
      [10, 14, 1, 0, null, false],
    );
  });

  it('--patience switches to Erlang A: 13 agents with 300 s patience', async () => {
    const json = JSON.parse(await run(...example, '--patience', '5m', '--json'));
    expect([json.model, json.raw, json.serviceLevelDefinition]).toEqual([
      'erlang-a',
      13,
      'answered-of-offered',
    ]);
    expect(json.pAbandon).toBeCloseTo(0.024963303633571843, 12);
  });

  it('an AHT list sets the AHT per concurrency level, --concurrency picks the level', async () => {
    const chats = [
      '--contacts',
      '300',
      '--period',
      '30m',
      '--aht',
      '180s,210s,260s',
      '--target',
      '80/30',
      '--json',
    ];
    const k3 = JSON.parse(await run(...chats));
    const k2 = JSON.parse(await run(...chats, '--concurrency', '2'));
    expect([k3.raw, k3.concurrency, k3.ahtSec]).toEqual([17, 3, 260]);
    expect([k2.raw, k2.concurrency, k2.ahtSec]).toEqual([20, 2, 210]);
  });

  it.each([
    [['--aht', 'x'], '--aht must be a duration like 180s or 3m, got "x"'],
    [['--aht', '180s,x'], '--aht must be durations like 180s,210s,260s, got "180s,x"'],
    [['--period', '30'], '--period must be a duration like 30m or 1h, got "30"'],
    [['--patience', '5 min'], '--patience must be a duration like 300s or 5m, got "5 min"'],
    [
      ['--target', '80'],
      '--target must be P/T like 80/20 (P% answered within T seconds, 0 < P < 100), got "80"',
    ],
    [['--contacts', '-5'], '--contacts must be a number >= 0, got "-5"'],
    [['--agents', '0'], '--agents must be a positive integer, got "0"'],
    [['--max-occupancy', '1.2'], '--max-occupancy must be in (0, 1], got "1.2"'],
    [['--shrinkage', '1'], '--shrinkage must be in [0, 1), got "1"'],
    [['--concurrency', 'two'], '--concurrency must be a positive integer, got "two"'],
    [['--aht', '180s,210s', '--concurrency', '3'], '--concurrency 3 needs one --aht per level 1..3, got 2'],
  ])('%o → usage error', async (patch, message) => {
    const args = [...example];
    for (let i = 0; i < patch.length; i += 2) {
      const at = args.indexOf(patch[i] as string);
      if (at >= 0) args.splice(at, 2);
      args.push(patch[i] as string, patch[i + 1] as string);
    }
    expect(await usage(...args)).toBe(message);
  });
});
