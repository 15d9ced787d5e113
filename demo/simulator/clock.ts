// China Standard Time helpers for the simulated platform. Times are epoch milliseconds
// inside, and ISO 8601 with a +08:00 offset on the wire, as agency systems send them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEEDS_DIR } from '../../core/paths.js';

const CST = 8 * 3600_000;
export const DAY = 86_400_000;

/** Epoch ms of 00:00 CST on a YYYY-MM-DD day. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

export function dayOf(ms: number): string {
  return new Date(ms + CST).toISOString().slice(0, 10);
}

export function isoCst(ms: number): string {
  return new Date(ms + CST).toISOString().slice(0, 19) + '+08:00';
}

export function addDays(day: string, n: number): string {
  return dayOf(dayStart(day) + n * DAY);
}

export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** The platform's own working-day calendar (weekends, statutory holidays, 调休). */
export class WorkCalendar {
  private readonly exceptions = new Map<string, boolean>();

  constructor(csvPath = join(SEEDS_DIR, 'holidays.csv')) {
    for (const line of readFileSync(csvPath, 'utf8').trim().split('\n').slice(1)) {
      const [day, kind] = line.split(',');
      this.exceptions.set(day, kind === 'workday');
    }
  }

  isWorkday(day: string): boolean {
    const exception = this.exceptions.get(day);
    if (exception !== undefined) return exception;
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    return dow >= 1 && dow <= 5;
  }

  /** The n-th working day after `day` (n = 0: the day itself). */
  addWorkdays(day: string, n: number): string {
    let d = day;
    for (let left = n; left > 0; ) {
      d = addDays(d, 1);
      if (this.isWorkday(d)) left--;
    }
    return d;
  }
}
