// CPU time the hypervisor took from this VM ("steal": a vCPU was ready to run and the host ran something
// else), read from /proc/stat. On this shared 2-core VM it comes in bursts of up to half the machine for
// tens of seconds, and a step of a latency search that falls in one measures the host, not the server.
import { readFileSync } from 'node:fs';
import { cpus as onlineCpus } from 'node:os';

/** USER_HZ of /proc/stat: 100 on every Linux build this runs on (`getconf CLK_TCK`). */
const MS_PER_TICK = 10;

/** Steal of all CPUs together, in ms, from the text of /proc/stat (the 8th number of its `cpu` line). */
export function parseStealMs(procStat: string): number {
  const line = procStat.split('\n', 1)[0] ?? '';
  const fields = line.trim().split(/\s+/);
  if (fields[0] !== 'cpu' || fields.length < 9)
    throw new Error(`/proc/stat: no aggregate cpu line: "${line}"`);
  return Number(fields[8]) * MS_PER_TICK;
}

/** Steal so far in ms, or null where /proc/stat is not there (not Linux). */
export function readStealMs(): number | null {
  try {
    return parseStealMs(readFileSync('/proc/stat', 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Stolen share of the machine's CPU time between two readings `seconds` apart, in percent. */
export function stealPercent(
  fromMs: number,
  toMs: number,
  seconds: number,
  // all online CPUs, as /proc/stat's aggregate line counts them (not only those this process may use)
  cpus = onlineCpus().length,
): number {
  if (seconds <= 0) return 0;
  return Math.round(((toMs - fromMs) / (seconds * 1000 * cpus)) * 1000) / 10;
}
