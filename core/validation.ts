// Validation at every boundary (config, scheme files, the pipeline manifest, API parameters,
// feed records) is one library, zod; this turns its issues into messages that name the bad
// entry by its path in the input and show the value found there, and holds the schema
// pieces whose messages read the same everywhere ("must be an integer from 1 to 100").
import { z } from 'zod';

const isRecord = (v: unknown): v is Record<PropertyKey, unknown> => v !== null && typeof v === 'object';

/** A path as written in a config file: `alerts.rules[2].metric`. Given the input, a list
 * element with a string `id` is named by it too: `alerts.rules[2] (on_time_below_95).metric`. */
export function pathText(path: readonly PropertyKey[], prefix = '', input?: unknown): string {
  let node = input;
  return path.reduce<string>((out, key) => {
    node = isRecord(node) ? node[key] : undefined;
    if (typeof key !== 'number') return out ? `${out}.${String(key)}` : String(key);
    const id = isRecord(node) && typeof node.id === 'string' ? ` (${node.id})` : '';
    return `${out}[${key}]${id}`;
  }, prefix);
}

/** The value at path in the input; failing that, the value the schema saw there (one it
 * filled in itself, such as a default), when the parse reported it. */
export function valueAt(input: unknown, path: readonly PropertyKey[], issue?: z.core.$ZodIssue): unknown {
  const found = path.reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), input);
  return found === undefined && issue && 'input' in issue ? issue.input : found;
}

/** The value as a message shows it: JSON, `nothing` when absent; lists and objects not at all. */
export function shown(value: unknown): string | null {
  if (isRecord(value)) return null;
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** One issue as "<path> <message>, got <value>" (the value left out where it says nothing). */
export function issueText(issue: z.core.$ZodIssue, input: unknown, prefix = ''): string {
  const where = pathText(issue.path, prefix, input);
  const value = issue.code === 'unrecognized_keys' ? null : shown(valueAt(input, issue.path, issue));
  return `${where ? `${where} ` : ''}${issue.message}${value === null ? '' : `, got ${value}`}`;
}

const EXPECTED: Record<string, string> = { object: 'an object', array: 'a list', string: 'a string', number: 'a number', boolean: 'true or false' };

/** Messages for the issues a schema gives none of its own, in the same words as the pieces below. */
export const houseMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return `has unknown ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return 'options' in issue && Array.isArray(issue.options) ? `must be one of ${issue.options.filter((o) => o !== undefined).join(', ')}` : undefined;
    default:
      return undefined;
  }
};

/** Parses input with schema; on failure throws what `fail` makes of the issues' messages
 * (the first names the first bad entry), each written by `text` (issueText unless a file
 * names its entries its own way). */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  fail: (messages: string[]) => Error,
  prefix = '',
  text: (issue: z.core.$ZodIssue, input: unknown, prefix: string) => string = issueText,
): z.output<S> {
  const result = schema.safeParse(input, { error: houseMessages, reportInput: true });
  if (result.success) return result.data;
  throw fail(result.error.issues.map((issue) => text(issue, input, prefix)));
}

// Schema pieces, each with one message for every way a value can miss it.

/** A non-empty string; `what` says what it is for in the message. */
export const nonEmptyText = (what = 'a non-empty string') => z.string({ error: `must be ${what}` }).min(1, { error: `must be ${what}` });

/** A string matching pattern, `what` saying in words what that is. */
export const textLike = (pattern: RegExp, what: string) => z.string({ error: `must be ${what}` }).regex(pattern, { error: `must be ${what}` });

/** An integer from min to max (max absent: no upper bound). */
export function integerIn(min: number, max = Number.MAX_SAFE_INTEGER) {
  const error = max === Number.MAX_SAFE_INTEGER ? `must be an integer ≥ ${min}` : `must be an integer from ${min} to ${max}`;
  return z.int({ error }).min(min, { error }).max(max, { error });
}

/** A finite number ≥ min (min absent: any). */
export function numberFrom(min = -Infinity) {
  if (min === -Infinity) return z.number({ error: 'must be a number' });
  const error = `must be a number ≥ ${min}`;
  return z.number({ error }).min(min, { error });
}

/** One of the given strings. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: `must be one of ${values.join(', ')}` });

export const trueOrFalse = () => z.boolean({ error: 'must be true or false' });

const isHttpUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** An http(s) URL, normalised as `new URL` writes it. */
export const httpUrl = () => {
  const error = 'must be an http(s) URL or null';
  return z
    .string({ error })
    .refine(isHttpUrl, { error })
    .transform((v) => new URL(v).href);
};

/** An http(s) URL or null; absent means null. */
export const httpUrlOrNull = () => httpUrl().nullable().default(null);
