// Scores under both shipped schemes for two counties, every expected figure worked out by
// hand from the values below and the rules in seeds/schemes/*.json.
//
// Hand-inserted indicator values (mart_metric_value, test/support/score-fixture.ts), numerator / denominator:
//   A 370102 历下区, 2025-03: reg_on_time_rate 99/100 = 99, handling_days_mean 40/10 = 4 days,
//                              upload_timeliness 10/10 = 100, online_rate 50/100 = 50
//   A 2025-02:                 online_rate 20/100 = 20  (year to date through March: 70/200 = 35)
//   B 370103 市中区, 2025-03:   reg_on_time_rate 498/500 = 99.6, handling_days_mean 120/10 = 12 days,
//                              online_rate 10/100 = 10, no upload_timeliness (missing value)
// Manual scores for A, 2025: every indicator the standard scheme scores by hand at 100, except
// 5.3.1 = 0 (上级评价 0 overrides 自我评价 100), 3.3.3 = 75, 2.2.4 = 0. None for B (pending).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { A, B, scoreFixture } from '../support/score-fixture.js';

let db: Database;

beforeAll(async () => {
  const fixture = await scoreFixture();
  db = fixture.db;
  expect(fixture.manualIndicators).toHaveLength(45); // 68 indicators, 23 scored from data alone (4.5.1 among them)
  expect(fixture.imported).toEqual({ rows: 46, inserted: 46, replaced: 0 });
});

afterAll(() => db.close());

async function total(scheme: string, region: string, periodType = 'month', period = '2025-03') {
  const rows = await db.rows<Record<string, number | string>>(
    'SELECT base_points, bonus_points, total, max_total, grade, projected_total, projected_grade FROM mart_score_total WHERE scheme = $1 AND region_code = $2 AND period_type = $3 AND period = $4',
    [scheme, region, periodType, period],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

async function entries(scheme: string, region: string, indicator: string, period = '2025-03') {
  return db.rows<{ metric: string | null; value: number | null; points: number; max_points: number; points_lost: number; status: string }>(
    "SELECT metric, value, points, max_points, points_lost, status FROM v_score_entry WHERE scheme = $1 AND region_code = $2 AND indicator_code = $3 AND period_type = 'month' AND period = $4 ORDER BY ord",
    [scheme, region, indicator, period],
  );
}

async function item(scheme: string, region: string, code: string) {
  const rows = await db.rows<{ points: number; max_points: number }>(
    "SELECT points, max_points FROM mart_score_item WHERE scheme = $1 AND region_code = $2 AND code = $3 AND period_type = 'month' AND period = '2025-03'",
    [scheme, region, code],
  );
  expect(rows).toHaveLength(1);
  return rows[0];
}

describe('Jiaxing scheme (100 points over 25/20/25/15/15; bands 95/85/76)', () => {
  it('deduction rule: 1 point off per percentage point below 100% (2.1.2 限时办结率)', async () => {
    // A: 99% → 2 − 1 × 1 = 1; B: 99.6% → 2 − 0.4 = 1.6.
    expect((await entries('jiaxing', A, '2.1.2'))[0]).toMatchObject({ metric: 'reg_on_time_rate', value: 99, points: 1, points_lost: 1 });
    expect((await entries('jiaxing', B, '2.1.2'))[0]).toMatchObject({ points: 1.6, points_lost: 0.4 });
  });

  it('lower-is-better rule: handling days, 10 days = 0 points, 2 days = full 2 points', async () => {
    // A: 4 days → 2 × (4 − 10) / (2 − 10) = 1.5; B: 12 days is worse than the floor → 0.
    expect((await entries('jiaxing', A, '2.1.2'))[1]).toMatchObject({ metric: 'handling_days_mean', value: 4, points: 1.5 });
    expect((await entries('jiaxing', B, '2.1.2'))[1]).toMatchObject({ value: 12, points: 0, points_lost: 2 });
  });

  it('missing values score 0 and are flagged: no data = missing, no reports yet or no manual score = pending', async () => {
    expect(await entries('jiaxing', B, '3.5.2')).toEqual([
      { metric: 'upload_timeliness', value: null, points: 0, max_points: 2, points_lost: 2, status: 'missing' },
    ]);
    // No statistical report of March 2025 is in (the fixture has none): pending, not missing.
    expect(await entries('jiaxing', A, '1.2.2')).toEqual([
      { metric: 'pension_collection_rate', value: null, points: 0, max_points: 3, points_lost: 3, status: 'pending' },
    ]);
    expect(await entries('jiaxing', B, '2.1.1')).toEqual([{ metric: null, value: null, points: 0, max_points: 3, points_lost: 3, status: 'pending' }]);
  });

  it('a total below the lowest band edge (76) is 不合格, and so is its year-to-date projection', async () => {
    // A: data 1 + 1.5 + 2 (upload 100%) + 1 (online 50%: 2 × 30/60) = 5.5; issue 15's computed parts
    // (18 points: 5.3.1 1, 3.4.2 1, 2.2.4 1, 3.4.1 0.5, 5.3.2 0.5, 2.2.3 2.5, 2.3.1 1.75, 4.4.1 1.5, 5.2.2 1.25,
    // 5.2.3 1, 2.3.2 1.5, 4.5.1 2, 4.4.2 1, 2.2.1 1.5) have no values in the fixture → 0;
    // manual G points 83 − 18 = 65, − 2 (5.3.1's manual part at 0) − 0.5 (3.3.3 at 75%) − 1 (2.2.4's manual part) = 61.5;
    // base 5.5 + 61.5 = 67; bonus 1.4.4 = 2 (1.4.1 missing), under the cap of 3 → 69.
    // Year to date online rate 35% → 2 × 15/60 = 0.5 instead of 1 → 68.5.
    expect(await total('jiaxing', A)).toEqual({
      base_points: 67,
      bonus_points: 2,
      total: 69,
      max_total: 100,
      grade: '不合格',
      projected_total: 68.5,
      projected_grade: '不合格',
    });
    // B: 1.6 (2.1.2) and nothing else.
    expect(await total('jiaxing', B)).toMatchObject({ base_points: 1.6, bonus_points: 0, total: 1.6, grade: '不合格' });
  });

  it('sums G indicators into P2 and P1 items; the E bonus is a line of its own, capped', async () => {
    // J2.2: 2.1.1 3 + 1.2.2 0 + 2.1.2 2.5 + 3.5.2 2 + 4.1.1 1 + 2.2.4 0 = 8.5 of 16;
    // J2.1: 3.4.2 (manual part 1; control_hit_closure_rate pending) + 5.1.1 2 = 3; J2 = 3 + 8.5.
    expect(await item('jiaxing', A, 'J2.2')).toEqual({ points: 8.5, max_points: 16 });
    expect(await item('jiaxing', A, 'J2')).toEqual({ points: 11.5, max_points: 20 });
    // J1.4: 1 + 2 + 2 + 0 + 1.5 = 6.5 of 10 G points; the bonus 1.4.4 (2) is not in the item.
    expect(await item('jiaxing', A, 'J1.4')).toEqual({ points: 6.5, max_points: 10 });
    // The E line: 1.4.4 earns 2, under the cap of 3.
    expect(await item('jiaxing', A, 'E')).toEqual({ points: 2, max_points: 3 });
  });

  it('scores the year from the manual scores alone when the year has no data yet', async () => {
    // 2025 as a year: every data entry is missing; manual base 61.5 + bonus 2 = 63.5.
    expect(await total('jiaxing', A, 'year', '2025')).toMatchObject({ base_points: 61.5, total: 63.5, grade: '不合格', projected_total: 63.5 });
  });
});

describe('standard scheme (100 base points, E bonus capped at 3)', () => {
  it('linear rules between floor and target', async () => {
    // 2.1.2: 2.5 × (99 − 90)/10 = 2.25; 4.1.1: 4 × (50 − 20)/40 = 3; 3.5.2: 1.5 (100%) + upload_accuracy missing.
    expect((await entries('standard', A, '2.1.2'))[0]).toMatchObject({ points: 2.25, points_lost: 0.25 });
    expect((await entries('standard', A, '4.1.1'))[0]).toMatchObject({ points: 3, points_lost: 1 });
    expect(await entries('standard', A, '3.5.2')).toMatchObject([
      { metric: 'upload_timeliness', points: 1.5, status: 'scored' },
      { metric: 'upload_accuracy', points: 0, points_lost: 1, status: 'pending' }, // a report figure: no reports in
    ]);
    // B: 2.5 × 9.6/10 = 2.4.
    expect((await entries('standard', B, '2.1.2'))[0]).toMatchObject({ points: 2.4 });
  });

  it('adds the E bonus under its cap: 1.4.4 and 1.5.4 earn 0.5 + 0.5 (the data bonuses have no values)', async () => {
    // Data 2.25 + 1.5 + 3 = 6.75; issue 15's computed parts (18.25 points: 2.2.1–2.2.4 1 each, 2.3.1 0.75,
    // 2.3.2–2.3.5 0.75 each, 2.4.3 1, 3.4.1 1, 3.4.2 1, 4.4.1 1, 4.4.2 1, 4.5.1 1.5, 5.2.2 1.25, 5.2.3 1,
    // 5.3.1 1, 5.3.2 0.75) have no values → 0; manual G 64.5 − 18.25 = 46.25, − 0.5 (5.3.1's manual part)
    // − 0.25 (3.3.3) − 0.5 (2.2.4's manual part) = 45; base 6.75 + 45 = 51.75.
    // Bonus 1 (under the cap of 3; the cap itself: test/sql/score-arithmetic.test.ts) → 52.75.
    // Year to date: online 35% → 4 × 15/40 = 1.5 → 51.25.
    expect(await total('standard', A)).toEqual({
      base_points: 51.75,
      bonus_points: 1,
      total: 52.75,
      max_total: 100,
      grade: '不合格',
      projected_total: 51.25,
      projected_grade: '不合格',
    });
    const bonus = await db.rows(
      "SELECT SUM(points) AS earned FROM v_score_entry WHERE scheme = 'standard' AND region_code = $1 AND period_type = 'month' AND period = '2025-03' AND category = 'E'",
      [A],
    );
    expect(bonus).toEqual([{ earned: 1 }]);
    expect(await total('standard', B)).toMatchObject({ total: 2.4, grade: '不合格' });
  });

  it('follows Appendix A: 5 first-level and 23 second-level items, 68 indicators, P1 = Σ P2', async () => {
    const levels = await db.rows(
      "SELECT level, count(*) AS n, SUM(max_points) AS max FROM mart_score_item WHERE scheme = 'standard' AND region_code = $1 AND period_type = 'month' AND period = '2025-03' GROUP BY level ORDER BY level",
      [A],
    );
    expect(levels).toEqual([
      { level: 'E', n: 1, max: 3 },
      { level: 'P1', n: 5, max: 100 },
      { level: 'P2', n: 23, max: 100 },
    ]);
    const indicators = await db.rows("SELECT count(DISTINCT indicator_code) AS n FROM dim_scheme_entry WHERE scheme = 'standard'");
    expect(indicators).toEqual([{ n: 68 }]);
    // 业务经办 for A: 2.1 (1.5 + 2.25 + 0) + 2.2 (manual parts 0.5 × 3 + 0) + 2.3 (manual parts 0.25 × 5)
    // + 2.4 (0 + 0 + 2.4.3's manual part 0.5) + 2.5 (3) = 3.75 + 1.5 + 1.25 + 0.5 + 3 = 10.
    expect(await item('standard', A, '2')).toEqual({ points: 10, max_points: 26 });
  });
});
