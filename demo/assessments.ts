// The demo's field checks and surveys (实地核查法, 抽样调查法): a deterministic assessment
// sheet per year for every region, as assessors would hand it in. `npm start` imports it
// through the real manual-score import (CSV), so the demo's scores include the indicators
// that people, not data, score.
import type { Database } from '../warehouse/database.js';
import { importManualScores, manualContext } from '../scoring/manual-scores.js';
import { rng } from './simulator/random.js';

const MODES = ['上级评价', '第三方评价', '自我评价'] as const;

/** CSV text of one year's assessments: each region has a quality level, each indicator a spread around it. */
export function assessmentSheet(seed: string, year: number, regions: string[], indicators: string[]): string {
  const lines = ['region,year,indicator,score,assessor,mode'];
  for (const region of regions) {
    const quality = 72 + rng(`${seed}:assessment-quality:${region}`)() * 22;
    for (const indicator of indicators) {
      const r = rng(`${seed}:assessment:${region}:${year}:${indicator}`);
      const score = Math.max(40, Math.min(100, Math.round(quality + (r() - 0.4) * 20 + (year - 2025) * 2)));
      const mode = MODES[Math.floor(r() * MODES.length)];
      lines.push(`${region},${year},${indicator},${score},${mode === '自我评价' ? '本单位自评小组' : '省绩效评价工作组'},${mode}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Imports the demo assessments for `years` unless manual scores exist already (a user's own stay untouched). */
export async function importDemoAssessments(db: Database, seed: string, years: number[]): Promise<number> {
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM raw_manual_score');
  if (n > 0) return 0;
  const ctx = await manualContext(db);
  let rows = 0;
  for (const year of years) {
    const sheet = assessmentSheet(seed, year, [...ctx.regions].sort(), [...ctx.manual].sort());
    rows += (await importManualScores(db, new TextEncoder().encode(sheet), 'csv', `demo-assessments-${year}.csv`)).rows;
  }
  return rows;
}
