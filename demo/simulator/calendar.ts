// The simulated platform's own working-day calendar (weekends, statutory holidays, 调休):
// the same years as the warehouse's dim_calendar, from the seed's notices and, for the
// years without one, the provisional statutory holidays (core/calendar.ts).
import { calendarRows, seedNotices } from '../../core/calendar.js';
import { isWeekday } from '../../core/holidays.js';
import { addDays } from '../../core/time.js';

export class WorkCalendar {
  private readonly exceptions = new Map<string, boolean>();

  constructor() {
    for (const { day, kind } of calendarRows(seedNotices())) this.exceptions.set(day, kind === 'workday');
  }

  isWorkday(day: string): boolean {
    return this.exceptions.get(day) ?? isWeekday(day);
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
