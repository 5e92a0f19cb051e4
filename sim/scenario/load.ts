// loadScenario: a built-in name or a path to a .ts/.js/.json scenario file → a validated Scenario.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { usageError } from '../errors.ts';
import { defineScenario, isDefinedScenario } from './define.ts';
import type { ScenarioInput } from './schema.ts';
import type { Scenario } from './types.ts';

export const BUILTIN_SCENARIOS = ['double11', 'double11-peak', '618', 'flash-sale', 'steady'] as const;
export type BuiltinScenario = (typeof BUILTIN_SCENARIOS)[number];

const EXTENSIONS = ['.ts', '.mts', '.js', '.mjs', '.json'];

export function isBuiltinScenario(name: string): name is BuiltinScenario {
  return (BUILTIN_SCENARIOS as readonly string[]).includes(name);
}

/** A built-in by name, or a scenario file relative to `cwd`; bad names and files are usage errors (exit 2). */
export async function loadScenario(nameOrPath: string, cwd: string = process.cwd()): Promise<Scenario> {
  if (isBuiltinScenario(nameOrPath)) {
    return fromModule(new URL(`../../scenarios/${nameOrPath}.ts`, import.meta.url).href, nameOrPath);
  }
  const ext = extname(nameOrPath);
  if (!EXTENSIONS.includes(ext)) {
    throw usageError(
      `unknown scenario "${nameOrPath}": built-ins are ${BUILTIN_SCENARIOS.join(', ')}; ` +
        `or give a path to a ${EXTENSIONS.join(', ')} file`,
    );
  }
  const path = resolve(cwd, nameOrPath);
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') throw usageError(`scenario file "${nameOrPath}" does not exist`);
    throw err;
  });
  if (!info.isFile()) throw usageError(`scenario file "${nameOrPath}" is not a file`);
  if (ext === '.json') {
    const text = await readFile(path, 'utf8');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (err) {
      throw usageError(`scenario file "${nameOrPath}" is not valid JSON: ${(err as Error).message}`);
    }
    return defineScenario(data as ScenarioInput, nameOrPath);
  }
  return fromModule(pathToFileURL(path).href, nameOrPath);
}

async function fromModule(url: string, label: string): Promise<Scenario> {
  const mod = (await import(url)) as { default?: unknown };
  if (mod.default === undefined) {
    throw usageError(`scenario file "${label}" must \`export default defineScenario({...})\``);
  }
  if (isDefinedScenario(mod.default)) return mod.default;
  return defineScenario(mod.default as ScenarioInput, label);
}
