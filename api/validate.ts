// Validation at the API edge with one library, zod, through Hono's validator middleware:
// query parameters by the contracts' schemas (contracts/query.ts), codes of a dimension
// against the loaded codes, JSON bodies and path parameters alike. A bad value is a 400
// `{ error }` naming the parameter and the value found, worded here once.
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import type { CodeKind } from '../contracts/query.js';
import { pathText } from '../core/validation.js';
import type { Dims } from './dims.js';

/** A 400 for what no schema can tell (a period without scores, an upload without a file). */
export class BadRequest extends HTTPException {
  constructor(message: string) {
    super(400, { message });
  }
}

/** A value as shown back in a message: long ones cut short. */
export const shown = (v: unknown) => {
  const text = String(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

/** One issue of a request's parameters as the API words it; `hint` says what a missing one should be. */
function issueText(issue: z.core.$ZodIssue, input: unknown, hint?: string): string {
  if (issue.path.length === 0) return issue.message;
  const name = pathText(issue.path);
  const value = (input as Record<string, unknown> | undefined)?.[name];
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    const expected = issue.code === 'invalid_value' ? `one of ${issue.values.join(', ')}` : hint;
    return `missing required parameter '${name}'${expected ? ` (${expected})` : ''}`;
  }
  if (issue.code === 'custom' && issue.params?.unknown) {
    const { unknown, known } = issue.params as { unknown: CodeKind; known?: string };
    return `unknown ${unknown} '${shown(value)}' in parameter '${name}'${known ? ` (one of ${known})` : ''}`;
  }
  return `parameter '${name}' ${issue.message}; got '${shown(value)}'`;
}

type Result = { success: true } | { success: false; error: { issues: z.core.$ZodIssue[] }; data: unknown };

/** The validators' hook: the first issue as a 400 `{ error }`. */
const hook = (hint?: string) => (result: Result, c: Context) =>
  result.success ? undefined : c.json({ error: issueText(result.error.issues[0], result.data, hint) }, 400);

/** Every parameter of `codes` must name a code of its dimension. Scheme codes are few: the
 * message lists them. */
function knownCodes(codes: { readonly [name: string]: CodeKind | undefined }, dims: Dims) {
  return (query: unknown, ctx: z.RefinementCtx) => {
    for (const [name, kind] of Object.entries(codes)) {
      const value = (query as Record<string, unknown>)[name];
      if (!kind || typeof value !== 'string' || dims[kind].has(value)) continue;
      const known = kind === 'scheme' ? [...dims.scheme].join(', ') : undefined;
      ctx.addIssue({ code: 'custom', path: [name], message: `unknown ${kind}`, params: { unknown: kind, known } });
    }
  };
}

/** Validates the query string with `schema`, the code parameters against the loaded codes. */
export function validQuery<S extends z.ZodType>(schema: S, codes: { readonly [name: string]: CodeKind | undefined }, dims: Dims) {
  return zValidator('query', schema.superRefine(knownCodes(codes, dims)), hook());
}

/** Validates the JSON body with `schema`; `hint` says what a missing field should be. */
export function validJson<S extends z.ZodType>(schema: S, hint?: string) {
  return zValidator('json', schema, hook(hint));
}

/** Validates the path parameters with `schema`. */
export function validParams<S extends z.ZodType>(schema: S) {
  return zValidator('param', schema, hook());
}
