// The business-system monitoring figures of a county's month (经办系统监测数据, 网络监测法):
// for each monitored duty, the cases it had and those handled as required — declarations
// accepted on time, bases verified, money booked as received, arrears recovered, benefits
// paid on time, eligibility checked, payments stopped after a death found by data comparison,
// 异地就医 settled directly, transfers checked and routed through the national platform,
// audit plan items done, control and medical-monitoring hits closed in time, disclosures
// published on time. Totals and counts only, so every ratio
// rolls up exactly. Volumes follow the county's size and the season; how well the duties are
// done follows the county's diligence, improving slowly over the years.
import { DAY, dayStart } from '../../core/time.js';
import { rng } from './random.js';

export interface MonitoredCounty {
  code: string;
  population: number;
  onTime: number;
}

// January and July: contribution bases are adjusted; February: the Spring Festival.
const SEASON = [1.25, 0.7, 1.05, 1.0, 0.95, 1.0, 1.2, 1.0, 1.0, 0.9, 1.0, 1.1];

/** [total figure, handled figure, monthly volume per 100 000 residents (0: per county), base
 * share handled, extra share for the most diligent county, amounts (万元) rather than counts] */
type Duty = [total: string, handled: string, volume: number, base: number, spread: number, amount?: boolean];

export const DUTIES: Duty[] = [
  ['contrib_declarations', 'contrib_declarations_on_time', 900, 0.9, 0.09],
  ['contrib_base_due', 'contrib_base_verified', 120, 0.85, 0.14],
  ['contrib_received', 'contrib_booked', 3000, 0.97, 0.03, true],
  ['arrears_due', 'arrears_recovered', 80, 0.35, 0.4, true],
  ['pension_payments_due', 'pension_payments_on_time', 6000, 0.985, 0.015],
  ['pension_certification_due', 'pension_certified', 500, 0.88, 0.11],
  ['deaths_found', 'deaths_stopped_in_time', 8, 0.85, 0.15],
  ['medical_cross_region_claims', 'medical_cross_region_direct', 300, 0.6, 0.35],
  ['unemployment_payments_due', 'unemployment_payments_on_time', 150, 0.93, 0.07],
  ['injury_benefits_reviewed', 'injury_benefits_correct', 30, 0.95, 0.05],
  ['maternity_payments_due', 'maternity_payments_on_time', 40, 0.9, 0.1],
  ['transfer_data_checked', 'transfer_data_matched', 60, 0.93, 0.07],
  ['transfers_total', 'transfers_national', 60, 0.7, 0.28],
  ['audit_plan_due', 'audit_plan_done', 3, 0.7, 0.3],
  ['control_hits', 'control_hits_closed', 25, 0.75, 0.24],
  ['transactions_total', 'transactions_monitored', 2500, 0.8, 0.2],
  ['medical_monitor_hits', 'medical_monitor_closed', 40, 0.7, 0.28],
  ['disclosures_due', 'disclosures_on_time', 0, 0.85, 0.15],
  ['fund_disclosures_due', 'fund_disclosures_on_time', 0, 0.8, 0.2],
];

/** The monitoring figures of `county` for `period` (YYYY-MM); `r` draws the month's noise. */
export function monitoringFigures(seed: string, county: MonitoredCounty, period: string, r: () => number): Record<string, number> {
  const diligence = Math.min(1, (county.onTime - 0.86) / 0.13 + (rng(`${seed}:monitoring:${county.code}`)() - 0.5) * 0.4);
  const years = (dayStart(`${period}-01`) - dayStart('2024-01-01')) / (365 * DAY);
  const season = SEASON[Number(period.slice(5, 7)) - 1];
  const out: Record<string, number> = {};
  for (const [total, handled, volume, base, spread, amount] of DUTIES) {
    const size = volume === 0 ? 4 : (volume * county.population) / 100_000;
    const n = size * (volume === 0 ? 1 : season) * (0.85 + r() * 0.3);
    const share = Math.min(1, Math.max(0, base + spread * diligence + 0.01 * years + (r() - 0.5) * 0.03));
    const round = amount ? (x: number) => Math.round(x * 100) / 100 : Math.round;
    out[total] = round(n);
    out[handled] = Math.min(out[total], round(out[total] * share));
  }
  return out;
}
