// The 投诉 indicators (5.2.3, sql/model/v_complaint.sql) on hand-made complaints written straight
// into raw_complaint, the marts refreshed with the clock pinned at 2025-05-20. The answer
// deadline is limit_days working days after the day received (by dim_calendar, from
// seeds/holidays.csv around 劳动节 2025; W = working day, - = day off):
//
//   Apr 25 Fri W  26 Sat -  27 Sun W (劳动节调休)  28 Mon W  29 W  30 Wed W
//   May  1 Thu -  2 Fri -  3 Sat -  4 Sun -  5 Mon - (劳动节)  6 Tue W  7 W  8 W  9 Fri W
//
// Received Fri 04-25 with 5 working days: 04-27, 28, 29, 30, Tue 05-06 → due 05-06 (May).
// Received Mon 04-28 with 1 working day: due Tue 04-29 (April).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';
import { shownValue } from '../support/metric-value.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const CITY = '370100';

type Complaint = [id: string, region: string, received: string, limit: number, answered: string | null, resolved: string | null, satisfied: boolean | null];
const COMPLAINTS: Complaint[] = [
  // Due 05-06: answered on it (on time), resolved 05-08, satisfied.
  ['K1', A, '2025-04-25 10:00:00', 5, '2025-05-06 16:00:00', '2025-05-08 10:00:00', true],
  // Due 05-06: answered Fri 05-02 (a holiday, still before the deadline), resolved in May, not satisfied.
  ['K2', A, '2025-04-25 11:00:00', 5, '2025-05-02 10:00:00', '2025-05-09 10:00:00', false],
  // Due 05-06: answered 05-07 (late), never resolved.
  ['K3', A, '2025-04-25 12:00:00', 5, '2025-05-07 09:00:00', null, null],
  // Due Tue 04-29: never answered (late), resolved 04-30 without a verdict.
  ['K4', A, '2025-04-28 09:00:00', 1, null, '2025-04-30 09:00:00', null],
  // 市中区: due 05-06, answered 04-30 (on time), resolved 05-06, satisfied.
  ['K5', B, '2025-04-25 09:00:00', 5, '2025-04-30 09:00:00', '2025-05-06 09:00:00', true],
];

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, region, received, limit, answered, resolved, satisfied] of COMPLAINTS) {
      await c.run("INSERT INTO raw_complaint VALUES ($1, $2, '12333', $3, $4, CAST($5 AS TIMESTAMP), CAST($6 AS TIMESTAMP), $7, $3, 0)", [
        id,
        region,
        received,
        limit,
        answered,
        resolved,
        satisfied,
      ]);
    }
    // Rows written past the collectors: every period is stale, as after a collector run.
    await markAllStale(c);
  });
  await db.setClock('2025-05-20 12:00:00');
  await refreshMarts(db);
});
afterAll(() => db?.close());

const indicator = (metric: string, period: string, region = A) => shownValue(db, metric, region, 'month', period);

describe('投诉处理 (5.2.3)', () => {
  it('投诉按期答复率: by the deadline month, working days across the 调休 Sunday and 劳动节', async () => {
    // May (due 05-06): K1 and K2 on time, K3 late → 2/3. April (due 04-29): K4 unanswered → 0/1.
    expect(await indicator('complaint_answer_rate', '2025-05')).toBe('2/3 = 66.6667');
    expect(await indicator('complaint_answer_rate', '2025-04')).toBe('0/1 = 0');
    // 济南市 May: (2 + 1)/(3 + 1) = 3/4 = 75 %.
    expect(await indicator('complaint_answer_rate', '2025-05', CITY)).toBe('3/4 = 75');
  });

  it('投诉办结率: complaints received in the month resolved so far', async () => {
    // 历下区 April: K1, K2, K4 of K1–K4 → 3/4; 济南市 adds K5 → 4/5.
    expect(await indicator('complaint_resolution_rate', '2025-04')).toBe('3/4 = 75');
    expect(await indicator('complaint_resolution_rate', '2025-04', CITY)).toBe('4/5 = 80');
  });

  it('投诉满意率: resolved in the month with a verdict, satisfied', async () => {
    // 历下区 May: K1 satisfied, K2 not → 1/2 (K4 resolved in April without a verdict: not counted).
    expect(await indicator('complaint_satisfaction_rate', '2025-05')).toBe('1/2 = 50');
    expect(await indicator('complaint_satisfaction_rate', '2025-04')).toBeNull();
    // 济南市 May: (1 + 1)/(2 + 1) = 2/3.
    expect(await indicator('complaint_satisfaction_rate', '2025-05', CITY)).toBe('2/3 = 66.6667');
  });
});
