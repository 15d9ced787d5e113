// Exact score arithmetic: entries and items in exact decimals, the scheme's rounding applied
// once, at the total; items within their full marks and the E bonus a capped line of its own,
// Σ items + bonus line = total (§9.3). Scheme: test/support/mini-scheme.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importManualScores } from '../../scoring/manual-scores.js';
import type { Database } from '../../warehouse/database.js';
import { dbWithSchemes, miniScheme } from '../support/mini-scheme.js';

const A = '370102';
const B = '370103';
const C = '370104';
let db: Database;

beforeAll(async () => {
  db = await dbWithSchemes([miniScheme('half_up'), miniScheme('half_even')]);
  // A: 1.1.1 at 85 → 1.5 × 85/100 = 1.275; 1.4.4 at 60 → 2 × 0.6 = 1.2 bonus, capped at 1.
  // B: 1.1.1 at 83 → 1.5 × 83/100 = 1.245; no bonus.  C: 1.1.1 at 85, 1.4.4 at 10 → 0.2 bonus.
  const sheet = ['region,year,indicator,score,assessor,mode', `${A},2025,1.1.1,85,组,上级评价`, `${A},2025,1.4.4,60,组,上级评价`];
  sheet.push(`${B},2025,1.1.1,83,组,上级评价`, `${C},2025,1.1.1,85,组,上级评价`, `${C},2025,1.4.4,10,组,上级评价`);
  const imported = await importManualScores(db, new TextEncoder().encode(sheet.join('\n')), 'csv', 'mini.csv');
  expect(imported).toEqual({ rows: 5, inserted: 5, replaced: 0 });
});

afterAll(() => db.close());

const total = async (scheme: string, region: string) =>
  (
    await db.rows<{ total: number; total_exact: number; base_points: number; bonus_points: number; bonus_earned: number }>(
      "SELECT total, total_exact, base_points, bonus_points, bonus_earned FROM mart_score_total WHERE scheme = $1 AND region_code = $2 AND period_type = 'year' AND period = '2025'",
      [scheme, region],
    )
  )[0];

describe('exact decimals, rounded once at the total', () => {
  it('1.5 × 85/100 = 1.275 is kept exact in the entry and shown 1.28 (half up) at the total', async () => {
    const [entry] = await db.rows(
      "SELECT CAST(points AS VARCHAR) AS points FROM v_score_entry WHERE scheme = 'mini_half_up' AND region_code = $1 AND indicator_code = '1.1.1' AND period_type = 'year'",
      [A],
    );
    expect(entry).toEqual({ points: '1.27500000' }); // binary floating point makes it 1.2749999… → 1.27
    // B: 1.245 → 1.25 half up, 1.24 half even (4 is even); A, C: 1.275 + bonus.
    expect(await total('mini_half_up', B)).toMatchObject({ total: 1.25, total_exact: 1.245 });
    expect(await total('mini_half_even', B)).toMatchObject({ total: 1.24, total_exact: 1.245 });
    // C: 1.275 + 2 × 10/100 = 1.475 → 1.48 either way (7 is odd, so half even goes up too).
    expect(await total('mini_half_up', C)).toMatchObject({ total: 1.48, total_exact: 1.475, bonus_points: 0.2 });
    expect(await total('mini_half_even', C)).toMatchObject({ total: 1.48 });
  });

  it('caps the bonus in a line of its own: Σ items + E line = the exact total', async () => {
    // A: G 1.275; bonus earned 1.2, capped at 1 → exact total 2.275 → 2.28.
    expect(await total('mini_half_up', A)).toEqual({ total: 2.28, total_exact: 2.275, base_points: 1.275, bonus_points: 1, bonus_earned: 1.2 });
    const items = await db.rows<{ level: string; code: string; points: number; max_points: number }>(
      "SELECT level, code, points, max_points FROM mart_score_item WHERE scheme = 'mini_half_up' AND region_code = $1 AND period_type = 'year' ORDER BY ord",
      [A],
    );
    // 1.4 holds only the bonus indicator: 0 of 0 G points, the 1.2 earned is on the E line, capped at 1.
    expect(items).toEqual([
      { level: 'P1', code: '1', points: 1.275, max_points: 1.5 },
      { level: 'P2', code: '1.1', points: 1.275, max_points: 1.5 },
      { level: 'P2', code: '1.4', points: 0, max_points: 0 },
      { level: 'E', code: 'E', points: 1, max_points: 1 },
    ]);
    const p1AndBonus = items.filter((i) => i.level !== 'P2').reduce((a, i) => a + i.points * 1000, 0) / 1000;
    expect(p1AndBonus).toBe((await total('mini_half_up', A)).total_exact);
  });
});
