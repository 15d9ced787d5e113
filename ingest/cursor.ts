// The cursors sources page with: "ISO time|id" for time-ordered sources (the file source's
// is a file time and name). Watermarks are stored cursors.

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
