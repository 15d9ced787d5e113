// Completeness as data: what each feed owed and delivered, per region and period, and
// comparisons against a partly reported base flagged rather than judged. Hand-made reports of
// 370102 历下区 read on 2026-01-15: October, November, December 2025 (pension_insured 900,
// insured_registered 1000: 90 %) and, of 2024's fourth quarter, December 2024 only (850/1000: 85 %).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';

const A = '370102';
let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.setClock('2026-01-15 12:00:00');
  const report = (month: string, insured: number) =>
    db.exec(
      `INSERT INTO raw_report VALUES ($1, CAST($2 AS DATE), 'pension_insured', $3, 1, TIMESTAMP '2026-01-05 10:00:00', 1),
                                     ($1, CAST($2 AS DATE), 'insured_registered', 1000, 1, TIMESTAMP '2026-01-05 10:00:00', 1)`,
      [A, month, insured],
    );
  for (const m of ['2025-10-01', '2025-11-01', '2025-12-01']) await report(m, 900);
  await report('2024-12-01', 850);
  await db.exclusive((conn) => markAllStale(conn));
  await refreshMarts(db);
});

afterAll(() => db.close());

describe('v_period_completeness', () => {
  it('counts the county-months owed and delivered', async () => {
    const rows = await db.rows(
      `SELECT period, expected, arrived, coverage, complete FROM v_period_completeness
       WHERE region_code = $1 AND feed = 'reports' AND period_type = 'quarter' AND period IN ('2024-Q4', '2025-Q4') ORDER BY period`,
      [A],
    );
    // One county, three months each: 2024-Q4 has December only (1 of 3), 2025-Q4 all three.
    expect(rows).toEqual([
      { period: '2024-Q4', expected: 3, arrived: 1, coverage: 1 / 3, complete: false },
      { period: '2025-Q4', expected: 3, arrived: 3, coverage: 1, complete: true },
    ]);
  });

  it('expects every county of a city: 济南市 with one reporting county is far from complete', async () => {
    const [{ counties }] = await db.rows<{ counties: number }>("SELECT count(*) AS counties FROM dim_region_rollup WHERE region_code = '370100'");
    const [row] = await db.rows(
      "SELECT expected, arrived FROM v_period_completeness WHERE region_code = '370100' AND feed = 'reports' AND period_type = 'month' AND period = '2025-12'",
    );
    expect(row).toEqual({ expected: counties, arrived: 1 });
  });
});

describe('a 同比 against a partial base', () => {
  it('is flagged and not judged: 2025-Q4 90 % against a 2024-Q4 of December only (85 %)', async () => {
    const [row] = await db.rows(
      `SELECT value, yoy_value, yoy_change, yoy_improvement, yoy_complete, complete, prev_complete FROM mart_compare_vertical
       WHERE region_code = $1 AND metric = 'pension_coverage_rate' AND period_type = 'quarter' AND period = '2025-Q4'`,
      [A],
    );
    // The change is shown (+5 points) but has no improvement, so no page colours it better.
    // 2025-Q3 (the 环比 base) has no reports at all: incomplete too.
    expect(row).toEqual({ value: 90, yoy_value: 85, yoy_change: 5, yoy_improvement: null, yoy_complete: false, complete: true, prev_complete: false });
    // December against December 2024, both reported: judged, +5 points better.
    const [month] = await db.rows(
      "SELECT yoy_improvement, yoy_complete FROM mart_compare_vertical WHERE region_code = $1 AND metric = 'pension_coverage_rate' AND period_type = 'month' AND period = '2025-12'",
      [A],
    );
    expect(month).toEqual({ yoy_improvement: 5, yoy_complete: true });
  });

  it('flags a trailing 12 months over months not all reported', async () => {
    const [row] = await db.rows(
      "SELECT trailing_complete FROM mart_compare_vertical WHERE region_code = $1 AND metric = 'pension_coverage_rate' AND period_type = 'month' AND period = '2025-12'",
      [A],
    );
    expect(row).toEqual({ trailing_complete: false }); // January–September 2025 not reported
  });
});
