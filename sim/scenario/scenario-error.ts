// Turns schema and time-semantics problems into one usage error whose lines name the scenario, the
// path and the rule: `scenario "double11": curve.points[3].at must look like HH:MM…, got "25:00"`.
import type { z } from 'zod';
import { type PeakdeskError, usageError } from '../errors.ts';

export interface Problem {
  path: readonly PropertyKey[];
  /** The rule broken, without the path: `must be >= 0, got -3`. */
  rule: string;
}

/** `curve.points[3].at`; empty for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** A value as shown after "got": strings quoted, numbers plain, anything else by its kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

export function scenarioError(name: string, problems: readonly Problem[]): PeakdeskError {
  const lines = problems.map((p) => {
    const path = formatPath(p.path);
    return `scenario "${name}": ${path === '' ? '' : `${path} `}${p.rule}`;
  });
  return usageError(lines.join('\n'));
}

type Issue = z.core.$ZodIssue;

function got(issue: { input?: unknown }): string {
  return `, got ${describeValue(issue.input)}`;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; inclusive?: boolean }, lower: boolean): string {
  const limit = String(lower ? issue.minimum : issue.maximum);
  if (lower) return issue.inclusive ? `>= ${limit}` : `> ${limit}`;
  return issue.inclusive ? `<= ${limit}` : `< ${limit}`;
}

/** How far a union branch's issues are from "the author meant this branch": root and missing-key issues. */
function mismatch(issues: readonly Issue[]): number {
  return issues.filter(
    (i) =>
      i.path.length === 0 || (i.code === 'invalid_type' && (i as { input?: unknown }).input === undefined),
  ).length;
}

function ruleOf(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is required (${issue.expected})`;
      return `must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}${got(issue)}`;
    case 'too_small':
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === 'string') return `must not be empty${got(issue)}`;
      return `must be ${bound(issue, true)}${got(issue)}`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${String(issue.maximum)} item(s)`;
      return `must be ${bound(issue, false)}${got(issue)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => describeValue(v)).join(', ')}${got(issue)}`;
    case 'unrecognized_keys':
      return `has unknown key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_key':
      return `has an unknown key ${describeValue(issue.input)}`;
    case 'invalid_union':
      return issue.input === undefined ? `is required and ${issue.message}` : `${issue.message}${got(issue)}`;
    default:
      return `${issue.message}${'input' in issue && issue.input !== undefined ? got(issue) : ''}`;
  }
}

/** Problems from a zod error parsed with `reportInput: true`; a union reports the branch the author meant. */
export function zodProblems(issues: readonly Issue[], prefix: readonly PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const ranked = [...issue.errors].sort((a, b) => mismatch(a) - mismatch(b));
      const best = ranked[0] as Issue[];
      const runnerUp = ranked[1];
      if (runnerUp === undefined || mismatch(best) < mismatch(runnerUp)) {
        out.push(...zodProblems(best, path));
        continue;
      }
    }
    out.push({ path, rule: ruleOf(issue) });
  }
  return out;
}
