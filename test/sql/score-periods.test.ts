// One definition of a period's value, and a month without reports pending rather than zero.
// Hand-made reports of one county, 370102 历下区, read on 2025-03-15 (March's report not in yet):
//   pension_insured (a stock)   January 850, February 920; insured_registered 1000 both months
//   → 基本养老保险参保率 (1.1.2, standard scheme: linear, floor 80, target 95, 2 points)
//     closing month February: 920/1000 = 92 % → 2 × (92 − 80)/(95 − 80) = 1.6 points
//     (summing the months' stocks would give 1770/2000 = 88.5 % → 1.13: the old ytd)
//   one upload due 2025-03-10, made on 03-09 → 数据上报及时率 (3.5.2: 1.5 points) 100 % in March.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';

const A = '370102';
let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.setClock('2025-03-15 12:00:00');
  const report = (month: string, metric: string, value: number) =>
    db.exec("INSERT INTO raw_report VALUES ($1, CAST($2 AS DATE), $3, $4, 1, TIMESTAMP '2025-03-05 10:00:00', 1)", [A, month, metric, value]);
  await report('2025-01-01', 'pension_insured', 850);
  await report('2025-01-01', 'insured_registered', 1000);
  await report('2025-02-01', 'pension_insured', 920);
  await report('2025-02-01', 'insured_registered', 1000);
  await db.exec(
    "INSERT INTO raw_upload VALUES ($1, 'insured', DATE '2025-02-01', TIMESTAMP '2025-03-10 17:00:00', TIMESTAMP '2025-03-09 10:00:00', 10, TIMESTAMP '2025-03-09 10:00:00', 1)",
    [A],
  );
  await db.exclusive((conn) => markAllStale(conn));
  await refreshMarts(db);
});

afterAll(() => db.close());

const entry = async (periodType: string, period: string) => {
  const rows = await db.rows<{ value: number | null; points: number; status: string; complete: boolean }>(
    "SELECT value, points, status, complete FROM v_score_entry WHERE scheme = 'standard' AND region_code = $1 AND indicator_code = '1.1.2' AND period_type = $2 AND period = $3",
    [A, periodType, period],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
};
const total = async (periodType: string, period: string) =>
  (
    await db.rows<{ total: number; projected_total: number; pending_entries: number; complete: boolean }>(
      "SELECT total, projected_total, pending_entries, complete FROM mart_score_total WHERE scheme = 'standard' AND region_code = $1 AND period_type = $2 AND period = $3",
      [A, periodType, period],
    )
  )[0];

describe('a stock metric over two months', () => {
  it('takes the closing reported month for the year to date and the year alike', async () => {
    expect(await entry('ytd', '2025-02')).toEqual({ value: 92, points: 1.6, status: 'scored', complete: true });
    expect(await entry('year', '2025')).toMatchObject({ value: 92, points: 1.6 });
  });

  it("gives December's year to date the year's score", async () => {
    expect((await total('ytd', '2025-12')).total).toBe((await total('year', '2025')).total);
    expect((await entry('ytd', '2025-12')).value).toBe(92);
  });
});

describe('year to date in a month whose reports are not in', () => {
  it('scores the month itself as pending (0 points), not missing, and leaves it out of points lost', async () => {
    expect(await entry('month', '2025-03')).toEqual({ value: null, points: 0, status: 'pending', complete: false });
    const lost = await db.rows(
      "SELECT indicator_code FROM v_score_lost WHERE scheme = 'standard' AND region_code = $1 AND period_type = 'month' AND period = '2025-03'",
      [A],
    );
    expect(lost.map((r) => r.indicator_code)).not.toContain('1.1.2');
  });

  it('projects from the months reported: the entry is pending but keeps its 1.6 points', async () => {
    expect(await entry('ytd', '2025-03')).toEqual({ value: 92, points: 1.6, status: 'pending', complete: false });
    // Projection of March = its year to date: 1.6 (1.1.2) + 1.5 (3.5.2, upload 100 %) = 3.1,
    // the same as the year so far; the month alone has 1.5 (1.1.2 pending at 0).
    const march = await total('month', '2025-03');
    expect(march).toMatchObject({ total: 1.5, projected_total: 3.1, complete: false });
    expect(march.projected_total).toBe((await total('year', '2025')).total);
  });
});
