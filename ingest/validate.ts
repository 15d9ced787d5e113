// Row validation at the collectors' boundary: each check returns a reason or a clean
// value; a row with any reason goes to quarantine with it.

import { wallCst } from '../core/time.js';

export class Invalid extends Error {}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
  month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : DAYS_IN_MONTH[month - 1];

/** An ISO 8601 time as a China Standard Time wall-clock string 'YYYY-MM-DD HH:MM:SS'
 * (the store's convention). A time without offset is taken as CST already. Called for
 * every timestamp of every record, so a CST time (the usual case) is checked field by field
 * and passed through without Date arithmetic. */
export function cstTimestamp(value: unknown, field: string): string {
  const m = typeof value === 'string' ? ISO.exec(value) : null;
  if (!m) throw new Invalid(`${field} is not an ISO 8601 time: ${JSON.stringify(value)}`);
  const [, y, mo, d, h, mi, s = '00', zone] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > daysIn(+y, +mo) || +h > 23 || +mi > 59 || +s > 59) {
    throw new Invalid(`${field} is not a valid time: ${JSON.stringify(value)}`);
  }
  if (zone === undefined || zone === '+08:00' || zone === '+0800') return `${y}-${mo}-${d} ${h}:${mi}:${s}`;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(-2));
  return wallCst(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - offset * 60_000);
}

export function optionalCstTimestamp(value: unknown, field: string): string | null {
  return value === null || value === undefined ? null : cstTimestamp(value, field);
}

export function text(value: unknown, field: string, pattern = /^.{1,64}$/): string {
  if (typeof value !== 'string' || !pattern.test(value)) throw new Invalid(`${field} is missing or malformed: ${JSON.stringify(value)}`);
  return value;
}

export function oneOf(value: unknown, field: string, allowed: ReadonlySet<string>): string {
  if (typeof value !== 'string' || !allowed.has(value)) throw new Invalid(`unknown ${field} ${JSON.stringify(value)}`);
  return value;
}

export function integer(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Invalid(`${field} must be an integer from ${min} to ${max}: ${JSON.stringify(value)}`);
  }
  return value;
}

/** 'YYYY-MM' → first day of that month 'YYYY-MM-01'. */
export function month(value: unknown, field: string): string {
  const m = typeof value === 'string' ? /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value) : null;
  if (!m) throw new Invalid(`${field} must be a month 'YYYY-MM': ${JSON.stringify(value)}`);
  return `${value}-01`;
}
