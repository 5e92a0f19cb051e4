// Summarises a V8 .cpuprofile (`node --cpu-prof`, one file per thread): the functions with the most
// self time, optionally only inside one function (e.g. the WS `message` handler), and the call tree
// under it with inclusive shares, frames of the same function merged.
//   node bin/run-ts.js bench/profile-top.ts FILE.cpuprofile [--top 25] [--within message] [--tree 3]
import { readFileSync } from 'node:fs';
import { numberArg } from './args.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(node: ProfileNode): string {
  const { functionName, url } = node.callFrame;
  const file = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules\/[^/]+\/)?/, '$1')}`;
  return `${functionName === '' ? '(anonymous)' : functionName}${file}`;
}

const file = process.argv[2];
if (file === undefined || file.startsWith('--')) {
  process.stderr.write(
    'usage: node bin/run-ts.js bench/profile-top.ts FILE.cpuprofile [--top N] [--within NAME] [--tree DEPTH]\n',
  );
  process.exit(2);
}
const top = numberArg('top', 25, { integer: true });
const treeDepth = process.argv.includes('--tree') ? numberArg('tree', 3, { integer: true }) : 0;
const w = process.argv.indexOf('--within');
const within = w < 0 ? undefined : process.argv[w + 1];

const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i] as number;
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const inclusive = new Map<number, number>();
function sumInclusive(id: number): number {
  const node = byId.get(id) as ProfileNode;
  let us = self.get(id) ?? 0;
  for (const child of node.children ?? []) us += sumInclusive(child);
  inclusive.set(id, us);
  return us;
}
const rootId = profile.nodes[0]?.id as number;
const total = sumInclusive(rootId);

// The scope: the outermost frames named `within`, or the whole profile.
const scopeRoots: number[] = [];
function findScope(id: number): void {
  const node = byId.get(id) as ProfileNode;
  if (node.callFrame.functionName === within) scopeRoots.push(id);
  else for (const child of node.children ?? []) findScope(child);
}
if (within === undefined) scopeRoots.push(rootId);
else findScope(rootId);
const scope = scopeRoots.reduce((a, id) => a + (inclusive.get(id) ?? 0), 0);

const selfByLabel = new Map<string, number>();
function addSelf(id: number): void {
  const node = byId.get(id) as ProfileNode;
  const us = self.get(id) ?? 0;
  if (us > 0) selfByLabel.set(label(node), (selfByLabel.get(label(node)) ?? 0) + us);
  for (const child of node.children ?? []) addSelf(child);
}
for (const id of scopeRoots) addSelf(id);

const pct = (us: number): string => `${((100 * us) / scope).toFixed(1).padStart(5)}%`;
process.stdout.write(
  within === undefined
    ? `${file}: ${(total / 1e3).toFixed(0)} ms sampled\n`
    : `${file}: ${(total / 1e3).toFixed(0)} ms sampled, ${(scope / 1e3).toFixed(0)} ms inside ${within}\n`,
);
process.stdout.write('self time\n');
for (const [name, us] of [...selfByLabel.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  process.stdout.write(`${pct(us)}  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${name}\n`);
}

/** Prints the children of `ids` merged by function, biggest first, down to `depth` levels. */
function printTree(ids: number[], depth: number, indent: string): void {
  if (depth === 0) return;
  const merged = new Map<string, { us: number; selfUs: number; children: number[] }>();
  for (const id of ids) {
    const node = byId.get(id) as ProfileNode;
    const entry = merged.get(label(node)) ?? { us: 0, selfUs: 0, children: [] };
    entry.us += inclusive.get(id) ?? 0;
    entry.selfUs += self.get(id) ?? 0;
    entry.children.push(...(node.children ?? []));
    merged.set(label(node), entry);
  }
  for (const [name, e] of [...merged.entries()].sort((a, b) => b[1].us - a[1].us)) {
    if (e.us < scope * 0.005) continue;
    process.stdout.write(`${indent}${pct(e.us).trim()} (self ${pct(e.selfUs).trim()})  ${name}\n`);
    printTree(e.children, depth - 1, `${indent}  `);
  }
}
if (treeDepth > 0) {
  process.stdout.write('inclusive time\n');
  printTree(scopeRoots, treeDepth, '');
}
