// Deadlines across the end of the official calendar: hand-made cases accepted in December
// 2026, whose deadlines fall in 2027 — a year without a State Council notice in the seeds,
// so its calendar is provisional, by the 办法: 元旦 on Friday 2027-01-01 is off. Then a
// notice for 2027 imported (hand-made for the test, not the real one) that also gives
// Monday 01-04 off and has Saturday 01-09 worked: the calendar rebuilt, the aggregates
// recomputed from the first changed day, the marts with them. Worked out below
// (W = working day, - = day off; December 2026 is the official notice's, without exceptions):
//
//   Dec 2026  Fri 04 W | Mon 07 – Fri 11 W (1–5) | 14–18 W (6–10) | 21–25 W (11–15) | Mon 28 – Thu 31 W (16–19)
//   Jan 2027  Fri 01 - 元旦 (provisional) | Sat 02 - | Sun 03 - | Mon 04 W | Tue 05 W | Wed 06 W
//
//   C1 养老保险待遇申领, 20 working days, accepted Fri 12-04: Dec 07…31 are 19, the 20th is Mon 01-04
//      → due 2027-01-04 (a calendar ending in 2026, with 01-01 a working day, gave 01-01); completed
//      01-04 16:00: on time, 20 working days of handling.
//   C2 参保登记, 5 days, accepted Mon 12-28: 29, 30, 31, Jan 04, 05 → due 2027-01-05; still open: late.
//   C3 缴费基数申报, 3 days, accepted Wed 12-30: 31, Jan 04, 05 → due 2027-01-05; completed Wed
//      01-06: late, 4 working days (31, 04, 05, 06).
//   限时办结率 of January 2027, on 01-20: C1 on time of C1, C2, C3 → 1/3.
//
// With the imported notice (Mon 01-04 off, Sat 01-09 worked):
//   C1: the 20th working day after 12-04 is Tue 01-05 → due 01-05; completed 01-04: on time, 19 days.
//   C2: 29, 30, 31, Jan 05, 06 → due 01-06.  C3: 31, Jan 05, 06 → due 01-06; completed 01-06: on time, 3.
//   限时办结率 of January 2027: C1 and C3 of the three → 2/3.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotice } from '../../core/calendar.js';
import { statutoryHolidays } from '../../core/holidays.js';
import { importNotice, loadCalendar, reconcileCalendar } from '../../warehouse/calendar.js';
import type { Database } from '../../warehouse/database.js';
import { modelFile, runScript, sqlText } from '../../warehouse/pipeline.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { ROOT } from '../../core/paths.js';
import { join } from 'node:path';
import { freshDb } from '../support/db.js';

const A = '370102'; // 历下区

type Case = [id: string, item: string, accepted_at: string, completed_at: string | null, limit_days: number];
const CASES: Case[] = [
  ['C1', 'pension_claim', '2026-12-04 10:00:00', '2027-01-04 16:00:00', 20],
  ['C2', 'reg_enroll', '2026-12-28 10:00:00', null, 5],
  ['C3', 'contrib_declare', '2026-12-30 15:00:00', '2027-01-06 09:30:00', 3],
];

// The hand-made 2027 notice: the statutory holidays of the 办法, and 01-04 off for 01-09.
const NOTICE_2027 = [
  'day,kind,name',
  ...statutoryHolidays(2027).map((h) => `${h.day},${h.kind},${h.name}`),
  '2027-01-04,holiday,元旦',
  '2027-01-09,workday,元旦调休',
].join('\n');

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, item, accepted, completed, limit] of CASES) {
      await c.run("INSERT INTO raw_case VALUES ($1, $2, $3, 'window', CAST($4 AS TIMESTAMP), CAST($5 AS TIMESTAMP), $6, CAST($4 AS TIMESTAMP), 0, NULL)", [
        id,
        A,
        item,
        accepted,
        completed,
        limit,
      ]);
    }
    await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
  });
  await db.setClock('2027-01-20 09:00:00');
  await refreshMarts(db);
});
afterAll(() => db?.close());

const facts = () => db.rows('SELECT case_id, CAST(due_day AS VARCHAR) AS due_day, handling_workdays AS workdays, on_time FROM v_case ORDER BY case_id');

async function onTimeRate(period: string): Promise<string | null> {
  const [row] = await db.rows<{ numerator: number; denominator: number }>(
    "SELECT numerator, denominator FROM mart_metric_value WHERE region_code = $1 AND metric = 'on_time_rate' AND period_type = 'month' AND period = $2",
    [A, period],
  );
  return row ? `${row.numerator}/${row.denominator}` : null;
}

describe('a deadline crossing 2027-01-01, past the official calendar', () => {
  it('skips 元旦 2027, a provisional holiday by the 办法', async () => {
    expect(
      await db.rows("SELECT CAST(day AS VARCHAR) AS day, is_workday, source FROM dim_calendar WHERE day BETWEEN '2026-12-31' AND '2027-01-04' ORDER BY day"),
    ).toEqual([
      { day: '2026-12-31', is_workday: true, source: 'notice' },
      { day: '2027-01-01', is_workday: false, source: 'provisional' },
      { day: '2027-01-02', is_workday: false, source: 'provisional' },
      { day: '2027-01-03', is_workday: false, source: 'provisional' },
      { day: '2027-01-04', is_workday: true, source: 'provisional' },
    ]);
    expect(await facts()).toEqual([
      { case_id: 'C1', due_day: '2027-01-04', workdays: 20, on_time: true },
      { case_id: 'C2', due_day: '2027-01-05', workdays: null, on_time: null },
      { case_id: 'C3', due_day: '2027-01-05', workdays: 4, on_time: false },
    ]);
    expect(await onTimeRate('2027-01')).toBe('1/3');
  });

  it('moves with the notice once imported: the aggregates recomputed and the marts stale from the first changed day', async () => {
    const imported = await importNotice(db, parseNotice(NOTICE_2027), 'notice-2027.csv');
    expect(imported).toEqual({ year: 2027, days: 15, replaced: 'provisional' });
    expect(await db.rows('SELECT count(*) AS n, any_value(file) AS file, CAST(any_value(imported_at) AS VARCHAR) AS at FROM raw_holiday_notice')).toEqual([
      { n: 15, file: 'notice-2027.csv', at: '2027-01-20 09:00:00' },
    ]);
    // What migrate does with the calendar: dim_holiday reloaded, dim_calendar rebuilt, then reconciled.
    await db.transaction((c) => loadCalendar(c));
    await db.exclusive((c) => runScript(c, sqlText(modelFile('dim_calendar'))));
    expect(await reconcileCalendar(db)).toBe(true);
    expect(await db.rows('SELECT CAST(marts_from AS VARCHAR) AS marts_from, CAST(scores_from AS VARCHAR) AS scores_from FROM ops_refresh')).toEqual([
      { marts_from: '2027-01-04', scores_from: '2027-01-04' },
    ]);
    expect(await facts()).toEqual([
      { case_id: 'C1', due_day: '2027-01-05', workdays: 19, on_time: true },
      { case_id: 'C2', due_day: '2027-01-06', workdays: null, on_time: null },
      { case_id: 'C3', due_day: '2027-01-06', workdays: 3, on_time: true },
    ]);
    // The aggregates are those of the cases under the new calendar, as a full recompute gives them.
    const diff = async (a: string, b: string) =>
      (await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ((FROM ${a} EXCEPT ALL FROM ${b}) UNION ALL (FROM ${b} EXCEPT ALL FROM ${a}))`))[0].n;
    expect(await diff('agg_case_day', "case_day_measures('v_case')")).toBe(0);
    expect(await diff('agg_case_duration_month', "case_duration_measures('v_case')")).toBe(0);
    expect(await db.rows("SELECT sum(due) AS due, sum(due_on_time) AS on_time FROM agg_case_day WHERE day = '2027-01-06'")).toEqual([{ due: 2, on_time: 1 }]);

    await refreshMarts(db);
    expect(await onTimeRate('2027-01')).toBe('2/3');
    // Nothing changed since: the next start leaves the aggregates alone.
    expect(await reconcileCalendar(db)).toBe(false);
  });

  it('reports the official calendar reaching the end of 2027, imported at the clock’s time', async () => {
    expect(await db.rows('FROM v_calendar_status')).toEqual([
      {
        today: '2027-01-20',
        official_end: '2027-12-31',
        days_left: 345,
        warn: false,
        next_year: 2028,
        calendar_end: '2035-12-31',
        last_import_at: '2027-01-20 09:00:00',
      },
    ]);
  });
});
