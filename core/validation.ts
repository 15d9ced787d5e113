// Validation at every boundary (config, scheme files, the pipeline manifest, API parameters,
// feed records) is one library, zod; this turns its issues into messages that name the bad
// entry by its path in the input and show the value found there.
import type { z } from 'zod';

/** A path as written in a config file: `alerts.rules[2].metric`. */
export function pathText(path: readonly PropertyKey[], prefix = ''): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), prefix);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined), input);
}

/** One issue as "<path> <message>, got <value>" (the value left out where it says nothing). */
export function issueText(issue: z.core.$ZodIssue, input: unknown, prefix = ''): string {
  const where = pathText(issue.path, prefix);
  const value = valueAt(input, issue.path);
  const got = issue.code === 'unrecognized_keys' || (value !== null && typeof value === 'object') ? '' : `, got ${value === undefined ? 'nothing' : JSON.stringify(value)}`;
  return `${where ? `${where} ` : ''}${issue.message}${got}`;
}

/** Parses input with schema; on failure throws what `fail` makes of the issues' messages
 * (the first names the first bad entry). */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, fail: (messages: string[]) => Error, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw fail(result.error.issues.map((issue) => issueText(issue, input, prefix)));
}
