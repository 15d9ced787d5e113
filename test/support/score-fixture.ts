// The small region set of the score tests (values and expected scores in test/sql/scores.test.ts):
// hand-inserted indicator values for two counties and a manual-score sheet for one.
import type { Database } from '../../warehouse/database.js';
import { importManualScores, type ImportResult } from '../../scoring/manual-scores.js';
import { freshDb } from './db.js';

export const A = '370102'; // 历下区
export const B = '370103'; // 市中区

const VALUES: [string, string, string, number, number, number][] = [
  [A, '2025-03', 'reg_on_time_rate', 99, 100, 99],
  [A, '2025-03', 'handling_days_mean', 40, 10, 4],
  [A, '2025-03', 'upload_timeliness', 10, 10, 100],
  [A, '2025-03', 'online_rate', 50, 100, 50],
  [A, '2025-02', 'online_rate', 20, 100, 20],
  [B, '2025-03', 'reg_on_time_rate', 498, 500, 99.6],
  [B, '2025-03', 'handling_days_mean', 120, 10, 12],
  [B, '2025-03', 'online_rate', 10, 100, 10],
];

// A's manual scores for 2025: every indicator the standard scheme scores by hand at 100, except these.
const SPECIAL: Record<string, number> = { '5.3.1': 0, '3.3.3': 75, '2.2.4': 0 };

export interface ScoreFixture {
  db: Database;
  manualIndicators: string[];
  imported: ImportResult;
}

export async function scoreFixture(): Promise<ScoreFixture> {
  const db = await freshDb();
  for (const [region, period, metric, numerator, denominator, value] of VALUES) {
    await db.exec(`INSERT INTO mart_metric_value VALUES ($1, 'month', $2, $3, $4, $5, $6)`, [region, period, metric, numerator, denominator, value]);
  }
  const manualIndicators = (
    await db.rows<{ code: string }>("SELECT indicator_code AS code FROM dim_scheme_entry WHERE scheme = 'standard' AND source = 'manual' ORDER BY ord")
  ).map((r) => r.code);
  // 5.3.1 is also self-assessed at 100; the 上级评价 of 0 takes precedence.
  const lines = ['region,year,indicator,score,assessor,mode', `${A},2025,5.3.1,100,历下区经办机构,自我评价`];
  for (const code of manualIndicators) lines.push(`${A},2025,${code},${SPECIAL[code] ?? 100},省社保局评估组,上级评价`);
  const imported = await importManualScores(db, new TextEncoder().encode(lines.join('\n')), 'csv', 'test.csv');
  return { db, manualIndicators, imported };
}
