// The demo's field checks and surveys (实地核查法, 抽样调查法): a deterministic assessment
// sheet per year for every region, as assessors would hand it in (the manual-score CSV).
// `npm start` imports it through the real manual-score import, so the demo's scores include
// the indicators that people, not data, score.
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
  return `${lines.join('\n')}\n`;
}
