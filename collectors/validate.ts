// Row validation at the collectors' boundary: each check returns a reason or a clean
// value; a row with any reason goes to quarantine with it.

export class Invalid extends Error {}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 time as a China Standard Time wall-clock string 'YYYY-MM-DD HH:MM:SS'
 * (the store's convention). A time without offset is taken as CST already. */
export function cstTimestamp(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO.test(value)) throw new Invalid(`${field} is not an ISO 8601 time: ${JSON.stringify(value)}`);
  const m = ISO.exec(value)!;
  const zone = m[7] ?? '+08:00';
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  const check = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]));
  if (Number.isNaN(ms) || check.getUTCMonth() !== +m[2] - 1 || check.getUTCDate() !== +m[3] || +m[4] > 23) {
    throw new Invalid(`${field} is not a valid time: ${JSON.stringify(value)}`);
  }
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
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
