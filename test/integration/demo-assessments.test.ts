// The demo's simulated assessments go through the real manual-score import and leave no
// manual indicator pending; a user's own scores are never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessmentSheet } from '../../demo/assessments.js';
import type { Database } from '../../warehouse/database.js';
import { refreshMarts } from '../../warehouse/refresh.js';
import { importUnlessScored, manualContext } from '../../scoring/manual-scores.js';
import { freshDb } from '../support/db.js';

let db: Database;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db.close());

describe('demo assessments', () => {
  it('are the same sheet on every run', () => {
    expect(assessmentSheet('s', 2025, ['370102'], ['5.1.1', '5.1.2'])).toBe(assessmentSheet('s', 2025, ['370102'], ['5.1.1', '5.1.2']));
    const rows = assessmentSheet('s', 2025, ['370102', '370103'], ['5.1.1']).trim().split('\n');
    expect(rows[0]).toBe('region,year,indicator,score,assessor,mode');
    expect(rows).toHaveLength(3);
  });

  it('score every manual indicator of every region, once', async () => {
    const ctx = await manualContext(db);
    const sheets = (years: number[]) =>
      years.map((y) => ({ name: `demo-${y}.csv`, csv: assessmentSheet('demo', y, [...ctx.regions].sort(), [...ctx.manual].sort()) }));
    expect(await importUnlessScored(db, sheets([2025]))).toBe(ctx.regions.size * ctx.manual.size);
    expect(await importUnlessScored(db, sheets([2025, 2026]))).toBe(0); // scores exist: left alone
    await refreshMarts(db);
    const [total] = await db.rows<{ pending_entries: number; manual_points: number; manual_max: number }>(
      `SELECT (SELECT count(*) FROM v_score_entry i WHERE i.scheme = t.scheme AND i.region_code = t.region_code
                 AND i.period_type = t.period_type AND i.period = t.period AND i.source = 'manual' AND i.status = 'pending') AS pending_entries,
              (SELECT sum(points) FROM v_score_entry i WHERE i.scheme = t.scheme AND i.region_code = t.region_code
                 AND i.period_type = t.period_type AND i.period = t.period AND i.source = 'manual')::DOUBLE AS manual_points,
              (SELECT sum(max_points) FROM v_score_entry i WHERE i.scheme = t.scheme AND i.region_code = t.region_code
                 AND i.period_type = t.period_type AND i.period = t.period AND i.source = 'manual')::DOUBLE AS manual_max
       FROM mart_score_total t WHERE scheme = 'standard' AND region_code = '370102' AND period_type = 'year' AND period = '2025'`,
    );
    expect(total.pending_entries).toBe(0);
    // Scores are 40–100 % of each indicator's points.
    expect(total.manual_points).toBeGreaterThanOrEqual(0.4 * total.manual_max);
    expect(total.manual_points).toBeLessThanOrEqual(total.manual_max);
  });
});
