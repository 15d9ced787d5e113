// The 好差评 indicators (5.2.2, sql/model/v_rating.sql) on hand-made cases and ratings written
// straight into raw_case and raw_rating, the marts refreshed with the clock pinned at
// 2025-05-10 (every deadline below has passed). Rules as shipped (seeds/rating-rules.csv):
// visit back within 1 working day, rectify within 5, 基本满意 counts as 好评. Deadlines count
// working days after the rating day by the calendar of seeds/holidays.csv around 劳动节 2025
// (W = working day, - = day off):
//
//   Apr 24 Thu W  25 Fri W  26 Sat -  27 Sun W (劳动节调休)  28 Mon W  29 W  30 Wed W
//   May  1 Thu -  2 Fri -  3 Sat -  4 Sun -  5 Mon - (劳动节)  6 Tue W  7 W
//
// Rated Fri 04-25: visit due the next working day, the 调休 Sunday 04-27 (not Monday 04-28,
// as a Mon–Fri week would have it); rectification due the 5th working day: 04-27, 04-28,
// 04-29, 04-30 and, past the holiday, Tue 05-06 (not Fri 05-02). Rated Sat 04-26, a day off:
// counting starts from it as from the Friday, so the same deadlines.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';
import type { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';
import { shownValue } from '../support/metric-value.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const CITY = '370100';

// [case, region, completed_at] — all accepted the day before, so all completed.
const CASES: [string, string, string][] = [
  ['C0', A, '2025-04-24 15:00:00'], // never rated
  ['C1', A, '2025-04-24 16:00:00'],
  ['C2', A, '2025-04-24 17:00:00'],
  ['C3', A, '2025-04-25 16:00:00'],
  ['C4', A, '2025-04-25 11:00:00'],
  ['C5', B, '2025-04-25 09:30:00'],
  ['C5b', B, '2025-04-25 10:30:00'], // never rated
  ['C6', A, '2025-05-06 10:00:00'],
];

type Rating = [id: string, region: string, completed: string, rated: string, grade: string, named: boolean, visited: string | null, rectified: string | null];
const RATINGS: Rating[] = [
  // Visited on the 调休 Sunday (due that day): on time. Rectified Tue 05-06, the deadline: on time.
  ['C1', A, '2025-04-24 16:00:00', '2025-04-25 10:00:00', '不满意', true, '2025-04-27 15:00:00', '2025-05-06 16:00:00'],
  // Visited Mon 04-28, a day after the deadline: late. Never rectified: late.
  ['C2', A, '2025-04-24 17:00:00', '2025-04-25 11:00:00', '非常不满意', true, '2025-04-28 09:00:00', null],
  // Anonymous, rated on Saturday: not visited back (cannot be); rectified Wed 05-07, a day late.
  ['C3', A, '2025-04-25 16:00:00', '2025-04-26 09:00:00', '不满意', false, null, '2025-05-07 10:00:00'],
  ['C4', A, '2025-04-25 11:00:00', '2025-04-25 12:00:00', '基本满意', true, null, null],
  ['C5', B, '2025-04-25 09:30:00', '2025-04-25 10:00:00', '满意', false, null, null],
  ['C6', A, '2025-05-06 10:00:00', '2025-05-06 11:00:00', '非常满意', true, null, null],
];

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, region, completed] of CASES) {
      await c.run(
        "INSERT INTO raw_case VALUES ($1, $2, 'reg_change', 'window', CAST($3 AS TIMESTAMP) - INTERVAL 1 DAY, CAST($3 AS TIMESTAMP), 5, CAST($3 AS TIMESTAMP), 0, NULL)",
        [id, region, completed],
      );
    }
    await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
    for (const [id, region, completed, rated, grade, named, visited, rectified] of RATINGS) {
      await c.run("INSERT INTO raw_rating VALUES ($1, $2, $3, $4, $5, 'window', $6, CAST($7 AS TIMESTAMP), CAST($8 AS TIMESTAMP), NULL, $4, 0)", [
        id,
        region,
        completed,
        rated,
        grade,
        named,
        visited,
        rectified,
      ]);
    }
  });
  await db.setClock('2025-05-10 12:00:00');
  await refreshMarts(db);
});
afterAll(() => db?.close());

const indicator = (metric: string, period: string, region = A) => shownValue(db, metric, region, 'month', period);

describe('好差评 (5.2.2)', () => {
  it('评价率: rated cases over cases completed, by the completion month, summed up to the city', async () => {
    // 历下区 April: C0–C4 completed (5), C1–C4 rated (4) → 80 %. 市中区: C5 of C5, C5b → 50 %.
    expect(await indicator('rating_rate', '2025-04')).toBe('4/5 = 80');
    expect(await indicator('rating_rate', '2025-04', B)).toBe('1/2 = 50');
    // 济南市: (4 + 1) / (5 + 2) = 5/7 = 71.4286 %, not the mean of 80 and 50.
    expect(await indicator('rating_rate', '2025-04', CITY)).toBe('5/7 = 71.4286');
    expect(await indicator('rating_rate', '2025-05')).toBe('1/1 = 100');
  });

  it('好评率: 非常满意, 满意 and (by the rule) 基本满意 over all ratings given in the month', async () => {
    // 历下区 April: C1–C3 差评, C4 基本满意 → 1/4. City adds 市中区's 满意 → 2/5.
    expect(await indicator('good_rating_rate', '2025-04')).toBe('1/4 = 25');
    expect(await indicator('good_rating_rate', '2025-04', CITY)).toBe('2/5 = 40');
  });

  it('好评率 without 基本满意 when the rule says so', async () => {
    await db.exclusive((c) => c.run('UPDATE dim_rating_rule SET basic_counts_as_good = false'));
    const [row] = await db.rows<{ numerator: number; denominator: number }>(
      "SELECT CAST(numerator AS INTEGER) AS numerator, CAST(denominator AS INTEGER) AS denominator FROM v_rating WHERE region_code = $1 AND metric = 'good_rating_rate' AND period_type = 'month' AND period = '2025-04'",
      [A],
    );
    await db.exclusive((c) => c.run('UPDATE dim_rating_rule SET basic_counts_as_good = true'));
    // C4's 基本满意 no longer counts: 0 of 4.
    expect(row).toEqual({ numerator: 0, denominator: 4 });
  });

  it('差评整改率: deadline 5 working days after the rating across the 调休 Sunday and 劳动节', async () => {
    // All three 差评 are due Tue 05-06 (May): C1 rectified on 05-06 (on time), C2 never,
    // C3 on 05-07 → 1/3. None in April: the deadlines passed the holiday.
    expect(await indicator('bad_rectified_rate', '2025-05')).toBe('1/3 = 33.3333');
    expect(await indicator('bad_rectified_rate', '2025-04')).toBeNull();
  });

  it('实名差评回访率: named 差评 visited back within 1 working day, the 调休 Sunday counting', async () => {
    // C1 and C2 due Sun 04-27: C1 visited that day, C2 on Monday (late); C3 anonymous → 1/2.
    expect(await indicator('named_bad_visit_rate', '2025-04')).toBe('1/2 = 50');
  });
});
