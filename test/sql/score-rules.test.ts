// The shipped rules for metrics expressed as "% of last year" (standard scheme): 1.4.1
// 城乡居民基本养老保险当地财政人均补贴水平 (linear, floor 100, target 110, 1 bonus point) and 1.3.6
// 城乡居民医疗保险基金支付能力 (linear, floor 90, target 100, 1 point). Hand-inserted March 2025 values:
//   370102: subsidy 95 % of last year, fund capacity 88.5 % of last year's
//   370103: subsidy 105 %,            fund capacity 95 %
//   370104: subsidy 112 %,            fund capacity 100 %
// And issue 15's 5.2.2 好评率 (good_rating_rate; linear, floor 85, target 100, 0.5 of the indicator's
// 1.5 points, in both shipped schemes): 370102 80 %, 370103 91 %, 370104 100 %.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';

let db: Database;
const VALUES: [string, string, number][] = [
  ['370102', 'resident_pension_subsidy_growth', 95],
  ['370103', 'resident_pension_subsidy_growth', 105],
  ['370104', 'resident_pension_subsidy_growth', 112],
  ['370102', 'resident_medical_fund_ratio', 88.5],
  ['370103', 'resident_medical_fund_ratio', 95],
  ['370104', 'resident_medical_fund_ratio', 100],
  ['370102', 'good_rating_rate', 80],
  ['370103', 'good_rating_rate', 91],
  ['370104', 'good_rating_rate', 100],
];

beforeAll(async () => {
  db = await freshDb();
  for (const [region, metric, value] of VALUES)
    await db.exec("INSERT INTO mart_metric_value VALUES ($1, 'month', '2025-03', $2, $3, 100, $3)", [region, metric, value]);
  await db.exec("UPDATE ops_refresh SET scores_from = DATE '2025-01-01'"); // score the inserted month
  await refreshMarts(db);
});

afterAll(() => db.close());

const points = async (indicator: string) =>
  db.rows<{ region_code: string; points: number }>(
    "SELECT region_code, points FROM v_score_entry WHERE scheme = 'standard' AND indicator_code = $1 AND period_type = 'month' AND period = '2025-03' ORDER BY region_code",
    [indicator],
  );

describe('growth metrics against last year', () => {
  it('a subsidy below last year earns no bonus; above it, in proportion up to +10 %', async () => {
    // 95 → below the floor 100: 0; 105 → 1 × 5/10 = 0.5; 112 → above the target: 1.
    expect(await points('1.4.1')).toEqual([
      { region_code: '370102', points: 0 },
      { region_code: '370103', points: 0.5 },
      { region_code: '370104', points: 1 },
    ]);
  });

  it('a fund at 88.5 % of last year loses its point', async () => {
    // 88.5 → below the floor 90: 0; 95 → 1 × 5/10 = 0.5; 100 → 1.
    expect(await points('1.3.6')).toEqual([
      { region_code: '370102', points: 0 },
      { region_code: '370103', points: 0.5 },
      { region_code: '370104', points: 1 },
    ]);
  });

  it('5.2.2 好评率 scores its 0.5 points linearly from 85 % to 100 %, in both shipped schemes', async () => {
    // 80 → below the floor 85: 0; 91 → 0.5 × (91 − 85)/(100 − 85) = 0.5 × 6/15 = 0.2; 100 → 0.5.
    for (const scheme of ['standard', 'jiaxing']) {
      const rows = await db.rows<{ region_code: string; points: number; max_points: number; status: string }>(
        "SELECT region_code, points, max_points, status FROM v_score_entry WHERE scheme = $1 AND indicator_code = '5.2.2' AND metric = 'good_rating_rate' AND period_type = 'month' AND period = '2025-03' ORDER BY region_code",
        [scheme],
      );
      expect(rows).toEqual([
        { region_code: '370102', points: 0, max_points: 0.5, status: 'scored' },
        { region_code: '370103', points: 0.2, max_points: 0.5, status: 'scored' },
        { region_code: '370104', points: 0.5, max_points: 0.5, status: 'scored' },
      ]);
    }
  });
});
