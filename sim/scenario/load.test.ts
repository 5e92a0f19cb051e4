import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PeakdeskError } from '../errors.ts';
import { loadScenario } from './load.ts';

const input = {
  name: 'mine',
  description: 'from a file',
  span: '2026-11-11',
  curve: { points: [{ at: '00:00', perMin: 10 }] },
};

async function usageMessage(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PeakdeskError && err.exitCode === 2) return err.message;
    throw err;
  }
  throw new Error('expected a usage error');
}

describe('loadScenario', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'peakdesk-scenario-'));
    await writeFile(join(dir, 'mine.json'), JSON.stringify(input));
    await writeFile(join(dir, 'broken.json'), '{"name": ');
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({ ...input, curve: { points: [{ at: '7pm', perMin: 1 }] } }),
    );
    await writeFile(join(dir, 'plain.js'), `export default ${JSON.stringify(input)};`);
    await writeFile(join(dir, 'nodefault.js'), 'export const x = 1;');
  });

  it('loads a built-in by name', async () => {
    expect((await loadScenario('flash-sale')).name).toBe('flash-sale');
  });

  it('loads JSON and plain-object modules through the same schema', async () => {
    const fromJson = await loadScenario('mine.json', dir);
    const fromJs = await loadScenario(join(dir, 'plain.js'));
    expect(fromJson.span.startMs).toBe(Date.UTC(2026, 10, 10, 16));
    expect(fromJs).toEqual(fromJson);
  });

  it('turns bad names and files into usage errors', async () => {
    expect(await usageMessage(loadScenario('double12'))).toBe(
      'unknown scenario "double12": built-ins are double11, double11-peak, 618, flash-sale, steady; ' +
        'or give a path to a .ts, .mts, .js, .mjs, .json file',
    );
    expect(await usageMessage(loadScenario('missing.json', dir))).toBe(
      'scenario file "missing.json" does not exist',
    );
    expect(await usageMessage(loadScenario('broken.json', dir))).toMatch(
      /^scenario file "broken.json" is not valid JSON: /,
    );
    expect(await usageMessage(loadScenario('bad.json', dir))).toBe(
      'scenario "mine": curve.points[0].at must look like HH:MM, HH:MM:SS or YYYY-MM-DDTHH:MM[:SS], got "7pm"',
    );
    expect(await usageMessage(loadScenario('nodefault.js', dir))).toBe(
      'scenario file "nodefault.js" must `export default defineScenario({...})`',
    );
  });
});
