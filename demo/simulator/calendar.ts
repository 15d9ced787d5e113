// The simulated platform's own working-day calendar (weekends, statutory holidays, 调休),
// read from the same seed file as the warehouse's dim_calendar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../core/csv.js';
import { SEEDS_DIR } from '../../core/paths.js';
import { addDays } from '../../core/time.js';

export class WorkCalendar {
  private readonly exceptions = new Map<string, boolean>();

  constructor(csvPath = join(SEEDS_DIR, 'holidays.csv')) {
    for (const [day, kind] of parseCsv(readFileSync(csvPath, 'utf8')).slice(1)) this.exceptions.set(day, kind === 'workday');
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
