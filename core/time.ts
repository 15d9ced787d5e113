// China Standard Time, the one clock of the system: the store keeps CST wall-clock
// timestamps, sources send ISO 8601 with an offset, days and months are CST days and
// months. Times are epoch milliseconds inside.
export { addMonths } from '../contracts/periods.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** CST is UTC+8 all year (no daylight saving). */
const CST = 8 * HOUR;

/** Epoch ms of 00:00 CST on a YYYY-MM-DD day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

/** The CST day 'YYYY-MM-DD' of an instant. */
export function dayOf(ms: number): string {
  return new Date(ms + CST).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 with the CST offset, as agency systems send it. */
export function isoCst(ms: number): string {
  return `${new Date(ms + CST).toISOString().slice(0, 19)}+08:00`;
}

/** An instant as the store's CST wall-clock text 'YYYY-MM-DD HH:MM:SS'. */
export function wallCst(ms: number): string {
  return new Date(ms + CST).toISOString().slice(0, 19).replace('T', ' ');
}

export function addDays(day: string, n: number): string {
  return dayOf(dayStart(day) + n * DAY);
}

/** The month 'YYYY-MM' of a day 'YYYY-MM-DD'. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}
