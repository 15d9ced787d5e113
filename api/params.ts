// Query-parameter validation at the API edge: a bad value is a 400 naming the parameter.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

export class ParamError extends HTTPException {
  constructor(
    readonly param: string,
    message: string,
  ) {
    super(400, { message });
  }
}

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

const PERIOD_PATTERN: Record<PeriodType, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};
const PERIOD_EXAMPLE: Record<PeriodType, string> = { month: '2025-06', quarter: '2025-Q2', year: '2025' };

export function required(c: Context, name: string): string {
  const v = c.req.query(name);
  if (v === undefined || v === '') throw new ParamError(name, `missing required parameter '${name}'`);
  return v;
}

export function oneOf<T extends string>(c: Context, name: string, allowed: readonly T[], fallback?: T): T {
  const v = c.req.query(name) ?? fallback;
  if (v === undefined) throw new ParamError(name, `missing required parameter '${name}' (one of ${allowed.join(', ')})`);
  if (!allowed.includes(v as T)) throw new ParamError(name, `parameter '${name}' must be one of ${allowed.join(', ')}; got '${v}'`);
  return v as T;
}

export function period(c: Context, name: string, type: PeriodType): string | undefined {
  const v = c.req.query(name);
  if (v === undefined) return undefined;
  if (!PERIOD_PATTERN[type].test(v)) throw new ParamError(name, `parameter '${name}' must be a ${type} like ${PERIOD_EXAMPLE[type]}; got '${v}'`);
  return v;
}

export function limit(c: Context, name: string, fallback: number, max: number): number {
  const raw = c.req.query(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ParamError(name, `parameter '${name}' must be an integer from 1 to ${max}; got '${raw}'`);
  return n;
}

/** Checks a value against a known set (codes from the dimension tables). */
export function known(name: string, value: string, codes: ReadonlySet<string>, what: string): string {
  if (!codes.has(value)) throw new ParamError(name, `unknown ${what} '${value}' in parameter '${name}'`);
  return value;
}
