// Deadlines in working days, from the calendar (dim_calendar: statutory holidays off, 调休
// weekends worked): the day N working days after a day is the working day whose workday_seq
// is the day's plus N, so a day that is itself off counts from the working day before it.
import type { Database } from '../warehouse/database.js';
import { invalid } from './errors.js';

export async function addWorkingDays(db: Database, day: string, days: number): Promise<string> {
  const [row] = await db.rows<{ due: string | null }>(
    `SELECT strftime(min(d.day), '%Y-%m-%d') AS due FROM dim_calendar d
     WHERE d.is_workday AND d.workday_seq = (SELECT workday_seq FROM dim_calendar WHERE day = CAST($day AS DATE)) + $days`,
    { day, days },
  );
  if (!row?.due) throw invalid(`日期 ${day} 之后 ${days} 个工作日超出了工作日历的范围（dim_calendar）`);
  return row.due;
}
