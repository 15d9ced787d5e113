// Record validation at the collectors' boundary: each feed's record schema (zod), built once
// per run since the known codes come from the database; a record failing it goes to
// quarantine with its first problem as the reason, which names the field and shows the value.
import { z } from 'zod';
import { wallCst } from '../core/time.js';
import type { ValidationContext } from './feed.js';

export class Invalid extends Error {}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

// The usual shape, seconds given and in CST: checked by character codes, with no captures or Date.
const CST = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\+08:00)?$/;

const twoDigits = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) => (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1]);
/** Whether the wall-clock time exists (no 31 April, no 24:00, no second 60). */
const exists = (y: number, mo: number, d: number, h: number, mi: number, s: number) =>
  mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) && h <= 23 && mi <= 59 && s <= 59;

/** An ISO 8601 time as a China Standard Time wall-clock string 'YYYY-MM-DD HH:MM:SS'
 * (the store's convention). A time without offset is taken as CST already. Called for
 * every timestamp of every record, so a CST time (the usual case) is checked field by field
 * and passed through without Date arithmetic. */
export function cstTimestamp(value: unknown, field: string): string {
  if (
    typeof value === 'string' &&
    CST.test(value) &&
    exists(
      twoDigits(value, 0) * 100 + twoDigits(value, 2),
      twoDigits(value, 5),
      twoDigits(value, 8),
      twoDigits(value, 11),
      twoDigits(value, 14),
      twoDigits(value, 17),
    )
  ) {
    return value.length === 19 && value[10] === ' ' ? value : `${value.slice(0, 10)} ${value.slice(11, 19)}`;
  }
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  if (!m) throw new Invalid(`${field} is not an ISO 8601 time: ${JSON.stringify(value)}`);
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  if (!exists(+y, +mo, +d, +h, +mi, +s)) {
    throw new Invalid(`${field} is not a valid time: ${JSON.stringify(value)}`);
  }
  if (zone === undefined || zone === '+08:00' || zone === '+0800') return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
  return wallCst(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offset * 60_000);
}

// Field schemas, each issue's message the whole reason ("<field> …: <value>"). Records
// are the ingest hot path, so no field pipes through a transform: a timestamp is converted
// in place by a check, as .overwrite() does, and the rows are made from the parsed record.
type Reason = { error: (issue: { input?: unknown }) => string };
const reason = (make: (value: string) => string): Reason => ({ error: (issue) => make(JSON.stringify(issue.input)) });

/** A timestamp, as cstTimestamp makes it. */
export const cstTime = (field: string) =>
  z.string(reason((v) => `${field} is not an ISO 8601 time: ${v}`)).check((payload) => {
    try {
      payload.value = cstTimestamp(payload.value, field);
    } catch (err) {
      payload.issues.push({ code: 'custom', message: (err as Error).message, input: payload.value });
    }
  });

/** A timestamp or null (absent counts as null). */
export const optionalCstTime = (field: string) => cstTime(field).nullable().default(null);

export const text = (field: string, pattern = /^.{1,64}$/) => {
  const r = reason((v) => `${field} is missing or malformed: ${v}`);
  return z.string(r).regex(pattern, r);
};

/** One of the codes the database knows. */
export const known = (field: string, codes: ReadonlySet<string>) =>
  z.enum(
    [...codes] as [string, ...string[]],
    reason((v) => `unknown ${field} ${v}`),
  );

export const integer = (field: string, min: number, max: number) => {
  const r = reason((v) => `${field} must be an integer from ${min} to ${max}: ${v}`);
  return z.int(r).min(min, r).max(max, r);
};

/** 'YYYY-MM' → first day of that month 'YYYY-MM-01'. */
export const month = (field: string) => {
  const r = reason((v) => `${field} must be a month 'YYYY-MM': ${v}`);
  return z
    .string(r)
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, r)
    .overwrite((v) => `${v}-01`);
};

/** A feed's record schema for a run's context, built on the run's first record. */
export function perRun<S extends z.ZodType>(build: (ctx: ValidationContext) => S): (ctx: ValidationContext) => S {
  const built = new WeakMap<ValidationContext, S>();
  return (ctx) => {
    let schema = built.get(ctx);
    if (!schema) {
      schema = build(ctx);
      built.set(ctx, schema);
    }
    return schema;
  };
}

/** The record as the schema makes it, or throws Invalid with its first problem. */
export function parseRecord<S extends z.ZodType>(schema: S, record: unknown): z.output<S> {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  throw new Invalid(result.error.issues[0].message);
}
