// A one-line progress bar for long collector runs: on a terminal it redraws in place;
// in a log (not a TTY) it prints one line per page.
import { cursorTime } from './cursor.js';

export interface Progress {
  feed: string;
  cursor: string;
  pages: number;
  rows_in: number;
  rows_rejected: number;
}

/** How far `cursor` is from `start` to `end` (epoch ms), 0..1, or null when the cursor is not a time. */
export function fraction(cursor: string, start: number, end: number): number | null {
  const at = cursorTime(cursor);
  if (Number.isNaN(at) || Number.isNaN(start) || end <= start) return null;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}

export function progressLine(p: Progress, share: number | null, width = 30): string {
  const bar = share === null ? '' : `[${'#'.repeat(Math.round(share * width)).padEnd(width, '-')}] ${String(Math.round(share * 100)).padStart(3)}% `;
  return `${p.feed} ${bar}page ${p.pages} · ${p.rows_in} rows · ${p.rows_rejected} rejected · at ${p.cursor.split('|')[0]}`;
}

export function printProgress(out: NodeJS.WriteStream, line: string): void {
  if (out.isTTY) out.write(`\r${line.slice(0, (out.columns ?? 120) - 1)}\x1b[K`);
  else out.write(`${line}\n`);
}
