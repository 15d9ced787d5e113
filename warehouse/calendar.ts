// The working-day calendar in the warehouse: dim_holiday filled at every start from the
// notices (seeds/holidays.csv, and those imported into raw_holiday_notice, which win for
// their year) and the provisional years (core/calendar.ts); a notice imported; and the case
// aggregates kept in line with dim_calendar once it is rebuilt (calendar-reconcile.sql).
import type { DuckDBConnection } from '@duckdb/node-api';
import { type CalendarSource, type Notice, calendarRows, seedNotices } from '../core/calendar.js';
import type { Database } from './database.js';
import { runScript, sqlText } from './pipeline.js';

const RECONCILE = new URL('./calendar-reconcile.sql', import.meta.url).pathname;
const APPLY = new URL('./calendar-apply.sql', import.meta.url).pathname;

const HOLIDAY_JSON = `'[{"day":"DATE","kind":"VARCHAR","name":"VARCHAR","year":"INTEGER","source":"VARCHAR"}]'`;

/** Fills dim_holiday: each year's notice, an imported one before the seed's, else the year's statutory holidays, provisional. */
export async function loadCalendar(conn: DuckDBConnection): Promise<void> {
  const imported = (
    await conn.runAndReadAll("SELECT strftime(day, '%Y-%m-%d') AS day, kind, name, year FROM raw_holiday_notice ORDER BY day")
  ).getRowObjectsJson() as { day: string; kind: 'holiday' | 'workday'; name: string; year: number }[];
  const importedYears = new Set(imported.map((r) => r.year));
  const rows = calendarRows([...seedNotices().filter((r) => !importedYears.has(r.year)), ...imported]);
  await conn.run('DELETE FROM dim_holiday');
  await conn.run(`INSERT INTO dim_holiday BY NAME SELECT unnest(from_json($rows, ${HOLIDAY_JSON}), recursive := true)`, { rows: JSON.stringify(rows) });
}

export interface NoticeImport {
  year: number;
  days: number;
  /** What the year's calendar was before: provisional, or an earlier notice. */
  replaced: CalendarSource;
}

/** Stores a year's notice (parseNotice in core/calendar.ts: checked row by row), with the
 * file's name and the time of the import, in place of an earlier import for the year. It
 * takes effect when the warehouse is next set up (migrate): dim_holiday and dim_calendar
 * rebuilt, the case aggregates reconciled with them, the marts refreshed. */
export async function importNotice(db: Database, { year, rows }: Notice, file: string): Promise<NoticeImport> {
  return db.transaction(async (conn) => {
    const before = (await conn.runAndReadAll('SELECT any_value(source) AS source FROM dim_holiday WHERE year = $year', { year })).getRowObjectsJson();
    await conn.run('DELETE FROM raw_holiday_notice WHERE year = $year', { year });
    await conn.run(
      `INSERT INTO raw_holiday_notice
       SELECT $year, r.day, r.kind, r.name, $file, as_of_ts()
       FROM (SELECT unnest(from_json($rows, '[{"day":"DATE","kind":"VARCHAR","name":"VARCHAR"}]'), recursive := true)) r`,
      { year, file, rows: JSON.stringify(rows.map(({ day, kind, name }) => ({ day, kind, name }))) },
    );
    return { year, days: rows.length, replaced: (before[0]?.source ?? 'provisional') as CalendarSource };
  });
}

// The first day whose is_workday differs from the calendar the aggregates were computed
// with (ops_calendar); a day only one of them has counts too.
const CHANGED_FROM = `SET VARIABLE calendar_from = (
  SELECT min(day) FROM (
    (SELECT day, is_workday FROM dim_calendar EXCEPT SELECT day, is_workday FROM ops_calendar)
    UNION ALL
    (SELECT day, is_workday FROM ops_calendar EXCEPT SELECT day, is_workday FROM dim_calendar)))`;

const variable = async (conn: DuckDBConnection, name: string) =>
  (await conn.runAndReadAll('SELECT getvariable($name) AS value', { name })).getRowObjectsJson()[0].value;

/** After dim_calendar was rebuilt: when it changed since the case aggregates were computed,
 * recomputes them from the first changed day's month and lowers ops_refresh to that day.
 * True when the aggregates changed, so the marts must be refreshed. */
export function reconcileCalendar(db: Database): Promise<boolean> {
  return db.transaction(
    async (conn) => {
      if ((await variable(conn, 'calendar_from')) === null) return false;
      await runScript(conn, sqlText(APPLY));
      return (await variable(conn, 'aggregates_changed')) === true;
    },
    async (conn) => {
      await conn.run(CHANGED_FROM);
      if ((await variable(conn, 'calendar_from')) !== null) await runScript(conn, sqlText(RECONCILE));
    },
  );
}
