// Command-line numbers of the benchmark scripts: `--name N`. A bad value names the option and exits 2.

export interface NumberArgOptions {
  /** Whole numbers only. @default false */
  integer?: boolean;
  /** A word that means "use the fallback" (e.g. `auto`). */
  fallbackWord?: string;
}

export function numberArg(name: string, fallback: number, o: NumberArgOptions = {}): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = process.argv[i + 1];
  if (i < 0 || (o.fallbackWord !== undefined && raw === o.fallbackWord)) return fallback;
  const v = Number(raw);
  if (!(v > 0) || (o.integer === true && !Number.isInteger(v))) {
    const kind = o.integer === true ? 'a whole number' : 'a number';
    const or = o.fallbackWord === undefined ? '' : ` or "${o.fallbackWord}"`;
    process.stderr.write(`--${name} must be ${kind} > 0${or}, got "${raw ?? ''}"\n`);
    process.exit(2);
  }
  return v;
}
