// The case indicators' definitions on hand-made cases written straight into raw_case, their
// aggregates rebuilt by ingest/feeds/cases.rebuild.sql (case_facts → case_day_measures), the
// marts refreshed, and the clock pinned (Database.setClock → as_of_ts()). Every expected
// figure is worked out below from the working-day calendar of seeds/holidays.csv around
// 劳动节 2025 (W = working day, - = day off):
//
//   Apr 21 Mon W  22 W  23 W  24 W  25 Fri W  26 Sat -  27 Sun W (劳动节调休)  28 Mon W  29 W  30 Wed W
//   May  1 Thu - (劳动节)  2 Fri - (劳动节)  3 Sat -  4 Sun -  5 Mon - (劳动节)  6 Tue W  7 W  8 Thu W  9 Fri W
//
// A case is due on the limit_days-th working day after its acceptance day; it is on time
// when completed on or before that day. Its deadline counts in the period of the due day
// once that day is over (as_of_ts() is a later day); an open case is then late.
//
// The clock only moves forward through this file, as in production: each refresh recomputes
// the periods from the previous refresh's day on (ops_refresh), which is how a deadline
// passing with time reaches the marts. The tests therefore run in order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';
import type { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';

const A = '370102'; // 历下区, 济南市, 山东省

type Case = [id: string, item: string, channel: string, accepted_at: string, completed_at: string | null, limit_days: number];

const CASES: Case[] = [
  // Due on a 调休 Sunday: after Mon 04-21 the 5th working day is 04-22, 23, 24, 25, Sun 04-27.
  // Completed Mon 04-28, the next working day: late; 6 working days of handling.
  ['D4', 'reg_cancel', 'window', '2025-04-21 09:00:00', '2025-04-28 10:00:00', 5],
  // After Fri 04-25: Sun 04-27, 04-28, 04-29, 04-30 and (past 劳动节) Tue 05-06 → due 05-06.
  // D1 is completed late on its due day: on time, 5 working days. D2 the day after: late, 6.
  ['D1', 'reg_enroll', 'window', '2025-04-25 09:00:00', '2025-05-06 17:30:00', 5],
  ['D2', 'reg_change', 'web', '2025-04-25 10:00:00', '2025-05-07 09:00:00', 5],
  // Still open; after Wed 04-30 the 3rd working day is 05-06, 05-07, Thu 05-08 → due 05-08.
  ['D3', 'contrib_declare', 'kiosk', '2025-04-30 15:00:00', null, 3],
  // Still open, due far ahead: 15 working days after Wed 05-07 end on Wed 05-28.
  ['D5', 'pension_transfer', 'mobile', '2025-05-07 11:00:00', null, 15],
];

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, item, channel, accepted, completed, limit] of CASES) {
      await c.run('INSERT INTO raw_case VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMP), CAST($6 AS TIMESTAMP), $7, CAST($8 AS TIMESTAMP), 0, NULL)', [
        id,
        A,
        item,
        channel,
        accepted,
        completed,
        limit,
        completed ?? accepted,
      ]);
    }
    await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
  });
});
afterAll(() => db?.close());

/** Moves the clock to a CST wall-clock time and refreshes the marts there. */
async function at(asOf: string): Promise<void> {
  await db.setClock(asOf);
  await refreshMarts(db);
}

/** An indicator as the marts hold it: 'numerator/denominator = value', or null without a row. */
async function indicator(metric: string, period: string, region = A, periodType = 'month'): Promise<string | null> {
  const rows = await db.rows<{ numerator: number; denominator: number; value: number }>(
    'SELECT numerator, denominator, value FROM mart_metric_value WHERE region_code = $1 AND metric = $2 AND period_type = $3 AND period = $4',
    [region, metric, periodType, period],
  );
  return rows.length === 0 ? null : `${rows[0].numerator}/${rows[0].denominator} = ${Number(rows[0].value.toFixed(4))}`;
}

describe('case facts from the working-day calendar', () => {
  it('gives each case its due day, working days of handling and whether it was on time', async () => {
    const facts = await db.rows('SELECT case_id, CAST(due_day AS VARCHAR) AS due_day, handling_workdays, on_time FROM v_case ORDER BY case_id');
    expect(facts).toEqual([
      { case_id: 'D1', due_day: '2025-05-06', handling_workdays: 5, on_time: true },
      { case_id: 'D2', due_day: '2025-05-06', handling_workdays: 6, on_time: false },
      { case_id: 'D3', due_day: '2025-05-08', handling_workdays: null, on_time: null },
      { case_id: 'D4', due_day: '2025-04-27', handling_workdays: 6, on_time: false },
      { case_id: 'D5', due_day: '2025-05-28', handling_workdays: null, on_time: null },
    ]);
  });
});

describe('限时办结率 (on_time_rate): cases due in the period, completed within the limit', () => {
  it('judges no deadline on its own day: on 6 May, when D1 and D2 are due, May has no rate yet', async () => {
    await at('2025-05-06 20:00:00');
    expect(await indicator('on_time_rate', '2025-05')).toBeNull();
    expect(await indicator('on_time_rate', '2025-04')).toBe('0/1 = 0'); // D4, due 04-27
  });

  it('counts a case completed on its due day as on time', async () => {
    // 8 May: D1 (done on its due day 05-06) and D2 (done 05-07, late) are judged.
    await at('2025-05-08 12:00:00');
    expect(await indicator('on_time_rate', '2025-05')).toBe('1/2 = 50');
    // 社会保险登记: D1 参保 and D2 变更 are both registration items.
    expect(await indicator('reg_on_time_rate', '2025-05')).toBe('1/2 = 50');
  });

  it('leaves out an open case whose deadline has not passed, to the last second of its due day', async () => {
    // D3, due today, may still be completed on time; D5 is due on 05-28.
    await at('2025-05-08 23:59:59');
    expect(await indicator('on_time_rate', '2025-05')).toBe('1/2 = 50');
  });

  it('counts an open case as late once its due day is over', async () => {
    // 9 May: D3's deadline (05-08) has passed with the case still open → 1 of 3.
    await at('2025-05-09 00:00:00');
    expect(await indicator('on_time_rate', '2025-05')).toBe('1/3 = 33.3333');
    // D3 (缴费基数申报) is no registration item: the registration rate stays 1 of 2.
    expect(await indicator('reg_on_time_rate', '2025-05')).toBe('1/2 = 50');
  });

  it('judges a deadline on a 调休 Sunday like any working day, in the period of its due day', async () => {
    // D4, due Sun 04-27 and done Mon 04-28, is April's only deadline: 0 of 1.
    expect(await indicator('on_time_rate', '2025-04')).toBe('0/1 = 0');
    // Q2 adds April's parts to May's: (0 + 1) / (1 + 3).
    expect(await indicator('on_time_rate', '2025-Q2', A, 'quarter')).toBe('1/4 = 25');
  });

  it('sums the same parts into the city and the province', async () => {
    expect(await indicator('on_time_rate', '2025-05', '370100')).toBe('1/3 = 33.3333');
    expect(await indicator('on_time_rate', '2025-05', '370000')).toBe('1/3 = 33.3333');
  });
});

describe('the other case indicators on the same cases', () => {
  it('网上办理率: cases accepted through 网上 or 掌上 over all accepted, by acceptance month', async () => {
    // April accepted D4 window, D1 window, D2 web, D3 kiosk (自助 is not online) → 1 of 4; May D5 mobile.
    expect(await indicator('online_rate', '2025-04')).toBe('1/4 = 25');
    expect(await indicator('online_rate', '2025-05')).toBe('1/1 = 100');
  });

  it('平均办理时长: working days of the cases completed in the month', async () => {
    // May: D1 5 and D2 6 working days → 11 / 2; April: D4 6 → 6 / 1.
    expect(await indicator('handling_days_mean', '2025-05')).toBe('11/2 = 5.5');
    expect(await indicator('handling_days_mean', '2025-04')).toBe('6/1 = 6');
  });
});

describe('as the clock runs on', () => {
  it('counts the other open case late from the day after its deadline', async () => {
    await at('2025-05-28 18:00:00');
    expect(await indicator('on_time_rate', '2025-05')).toBe('1/3 = 33.3333');
    // D5 (due 05-28) is still open on 29 May: 1 of 4.
    await at('2025-05-29 08:00:00');
    expect(await indicator('on_time_rate', '2025-05')).toBe('1/4 = 25');
  });
});
