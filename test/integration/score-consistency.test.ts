// Scores over the full demo data (the simulated province collected through the real collectors
// from 2024-10-01 to 2025-06-15, test/support/demo-server.ts, with the demo assessments
// imported): for every scheme, region and period the items add up to the total (§9.3), no item
// exceeds its full marks, the bonus line stays within the cap, and December's year to date is
// the year's score.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentSheet } from '../../demo/assessments.js';
import { importUnlessScored, manualContext } from '../../scoring/manual-scores.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { startDemoServer, type DemoServer } from '../support/demo-server.js';

let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
  const ctx = await manualContext(server.db);
  const sheets = [2024, 2025].map((y) => ({ name: `demo-${y}.csv`, csv: assessmentSheet('demo', y, [...ctx.regions].sort(), [...ctx.manual].sort()) }));
  expect(await importUnlessScored(server.db, sheets)).toBeGreaterThan(0);
  await refreshMarts(server.db);
}, 600_000);

afterAll(() => server?.close());

describe('scores over the demo data', () => {
  it('has scores for every region of the province', async () => {
    const [row] = await server.db.rows<{ regions: number; all: number }>(
      "SELECT count(DISTINCT region_code) AS regions, (SELECT count(*) FROM dim_region) AS all FROM mart_score_total WHERE period_type = 'year'",
    );
    expect(row.regions).toBe(row.all);
  });

  it('adds the first-level items and the capped bonus line up to the exact total, rounded once to the total', async () => {
    const wrong = await server.db.rows(
      `SELECT t.scheme, t.region_code, t.period_type, t.period, t.total_exact, t.total, sum(i.points) AS items
       FROM mart_score_total t
       JOIN mart_score_item i USING (scheme, region_code, period_type, period)
       JOIN dim_scheme s ON s.code = t.scheme
       WHERE i.level IN ('P1', 'E')
       GROUP BY ALL
       HAVING sum(i.points) <> t.total_exact OR abs(t.total - t.total_exact) > 0.5 * 10 ** (-any_value(s.rounding_digits))
       LIMIT 5`,
    );
    expect(wrong).toEqual([]);
  });

  it('never puts an item above its full marks, nor the bonus above its cap', async () => {
    const [row] = await server.db.rows<{ items: number; over: number }>(
      'SELECT count(*) AS items, count(*) FILTER (WHERE points > max_points) AS over FROM mart_score_item',
    );
    expect(row.items).toBeGreaterThan(0);
    expect(row.over).toBe(0);
  });

  it("gives December's year to date (and December's projection) the year's score", async () => {
    const rows = await server.db.rows<{ n: number; differ: number }>(
      `SELECT count(*) AS n, count(*) FILTER (WHERE y.total <> d.total OR y.total <> m.projected_total) AS differ
       FROM mart_score_total y
       JOIN mart_score_total d ON d.scheme = y.scheme AND d.region_code = y.region_code AND d.period_type = 'ytd' AND d.period = y.period || '-12'
       JOIN mart_score_total m ON m.scheme = y.scheme AND m.region_code = y.region_code AND m.period_type = 'month' AND m.period = y.period || '-12'
       WHERE y.period_type = 'year' AND y.period = '2024'`,
    );
    // 2 schemes × 168 regions.
    expect(rows).toEqual([{ n: 2 * 168, differ: 0 }]);
  });

  it('lets the incentive bonus differentiate the regions: not every region at the cap', async () => {
    const [row] = await server.db.rows<{ regions: number; capped: number; least: number; most: number }>(
      `SELECT count(*) AS regions, count(*) FILTER (WHERE t.bonus_earned >= s.bonus_cap) AS capped,
              min(t.bonus_points) AS least, max(t.bonus_points) AS most
       FROM mart_score_total t JOIN dim_scheme s ON s.code = t.scheme
       WHERE t.scheme = 'standard' AND t.period_type = 'year' AND t.period = '2025'`,
    );
    expect(row.capped).toBeLessThan(row.regions / 2);
    expect(row.most - row.least).toBeGreaterThan(1);
  });
});
