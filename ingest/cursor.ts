// The cursors sources page with: "ISO time|id" for time-ordered sources (the file source's
// is a file time and name). Watermarks are stored cursors.
import { cstTimestamp } from './validate.js';

/** The time part of an "ISO time|id" cursor, epoch ms (NaN when it has none). */
export function cursorTime(cursor: string): number {
  return Date.parse(cursor.split('|')[0]);
}

/** The later of two "time|id" cursors: a run that starts behind its watermark (a rewinding
 * source) must not move it back. Cursors without a time compare as given (the newer wins). */
export function later(next: string, mark: string | null): string {
  if (mark === null) return next;
  const [a, b] = [cursorTime(next), cursorTime(mark)];
  if (Number.isNaN(a) || Number.isNaN(b) || a !== b) return Number.isNaN(a) || Number.isNaN(b) || a > b ? next : mark;
  return next.slice(next.indexOf('|') + 1) >= mark.slice(mark.indexOf('|') + 1) ? next : mark;
}

const CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})\|/;
/** How far a source's cursor may run ahead of our clock. */
const CURSOR_SKEW_MS = 24 * 3_600_000;

const existingTime = (iso: string) => {
  try {
    cstTimestamp(iso, 'cursor');
    return true;
  } catch {
    return false;
  }
};

/** Why a source's "next" cannot become a watermark, or null: it must be an "ISO time|id" cursor
 * whose time exists and is not ahead of `now` (beyond a day's skew). A watermark that does not
 * parse, or lies in the future, would stop the feed for good: every later run starts from it. */
export function cursorProblem(next: unknown, now: number): string | null {
  const shown = JSON.stringify(typeof next === 'string' && next.length > 80 ? `${next.slice(0, 80)}…` : next);
  if (typeof next !== 'string' || !CURSOR.test(next) || !existingTime(next.slice(0, next.indexOf('|')))) return `a cursor that is not "ISO time|id": ${shown}`;
  if (cursorTime(next) > now + CURSOR_SKEW_MS) return `a cursor in the future: ${shown}`;
  return null;
}
