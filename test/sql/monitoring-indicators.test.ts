// The indicators from the business system's monthly monitoring figures (网络监测法: 征缴 2.2,
// 待遇给付 2.3, 转移接续 2.4.3 / 4.5.1, 稽核与内控 3.4 / 4.4, 政务公开 5.3) on
// hand-made report rows written straight into raw_report, the marts refreshed. Each metric
// is handled / total: 历下区 (A) and 市中区 (B) report April 2025, and 济南市 is their sum —
// (a_handled + b_handled) / (a_total + b_total), never the mean of the two rates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';
import { shownValue } from '../support/metric-value.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const CITY = '370100';

// [metric, Appendix A, handled figure, total figure, A [handled, total], B [handled, total],
//  A's value, the city's value]
type Row = [string, string, string, string, [number, number], [number, number], string, string];
const ROWS: Row[] = [
  // 39/40 = 97.5 %; city (39 + 10)/(40 + 10) = 49/50 = 98 %.
  ['declaration_on_time_rate', '2.2.1', 'contrib_declarations_on_time', 'contrib_declarations', [39, 40], [10, 10], '39/40 = 97.5', '49/50 = 98'],
  // 42/44 = 95.4545 %; city (42 + 10)/(44 + 11) = 52/55 = 94.5455 %.
  ['base_verification_rate', '2.2.2', 'contrib_base_verified', 'contrib_base_due', [42, 44], [10, 11], '42/44 = 95.4545', '52/55 = 94.5455'],
  ['contribution_booking_rate', '2.2.3', 'contrib_booked', 'contrib_received', [45, 48], [10, 12], '45/48 = 93.75', '55/60 = 91.6667'],
  ['arrears_recovery_rate', '2.2.4', 'arrears_recovered', 'arrears_due', [48, 52], [13, 13], '48/52 = 92.3077', '61/65 = 93.8462'],
  ['pension_paid_on_time_rate', '2.3.1', 'pension_payments_on_time', 'pension_payments_due', [51, 56], [13, 14], '51/56 = 91.0714', '64/70 = 91.4286'],
  ['pension_certification_rate', '2.3.1', 'pension_certified', 'pension_certification_due', [59, 60], [13, 15], '59/60 = 98.3333', '72/75 = 96'],
  ['death_stop_rate', '2.3.1', 'deaths_stopped_in_time', 'deaths_found', [62, 64], [16, 16], '62/64 = 96.875', '78/80 = 97.5'],
  ['cross_region_direct_rate', '2.3.2', 'medical_cross_region_direct', 'medical_cross_region_claims', [65, 68], [16, 17], '65/68 = 95.5882', '81/85 = 95.2941'],
  [
    'unemployment_paid_on_time_rate',
    '2.3.3',
    'unemployment_payments_on_time',
    'unemployment_payments_due',
    [68, 72],
    [16, 18],
    '68/72 = 94.4444',
    '84/90 = 93.3333',
  ],
  ['injury_benefit_accuracy', '2.3.4', 'injury_benefits_correct', 'injury_benefits_reviewed', [71, 76], [19, 19], '71/76 = 93.4211', '90/95 = 94.7368'],
  ['maternity_paid_on_time_rate', '2.3.5', 'maternity_payments_on_time', 'maternity_payments_due', [79, 80], [19, 20], '79/80 = 98.75', '98/100 = 98'],
  ['transfer_data_match_rate', '2.4.3', 'transfer_data_matched', 'transfer_data_checked', [82, 84], [19, 21], '82/84 = 97.619', '101/105 = 96.1905'],
  ['transfer_national_rate', '4.5.1', 'transfers_national', 'transfers_total', [85, 88], [22, 22], '85/88 = 96.5909', '107/110 = 97.2727'],
  ['audit_plan_rate', '3.4.1', 'audit_plan_done', 'audit_plan_due', [88, 92], [22, 23], '88/92 = 95.6522', '110/115 = 95.6522'],
  ['control_hit_closure_rate', '3.4.2', 'control_hits_closed', 'control_hits', [91, 96], [22, 24], '91/96 = 94.7917', '113/120 = 94.1667'],
  ['system_monitor_coverage', '4.4.1', 'transactions_monitored', 'transactions_total', [99, 100], [25, 25], '99/100 = 99', '124/125 = 99.2'],
  ['medical_monitor_closure_rate', '4.4.2', 'medical_monitor_closed', 'medical_monitor_hits', [102, 104], [25, 26], '102/104 = 98.0769', '127/130 = 97.6923'],
  ['disclosure_on_time_rate', '5.3.1', 'disclosures_on_time', 'disclosures_due', [108, 112], [28, 28], '108/112 = 96.4286', '136/140 = 97.1429'],
  ['fund_disclosure_on_time_rate', '5.3.2', 'fund_disclosures_on_time', 'fund_disclosures_due', [111, 116], [28, 29], '111/116 = 95.6897', '139/145 = 95.8621'],
];

let db: Database;

async function report(region: string, month: string, figures: Record<string, number>, version = 1): Promise<void> {
  await db.exclusive(async (c) => {
    for (const [figure, value] of Object.entries(figures)) {
      await c.run('INSERT INTO raw_report VALUES ($1, CAST($2 AS DATE), $3, $4, $5, CAST($2 AS TIMESTAMP) + INTERVAL 40 DAY, 0)', [
        region,
        `${month}-01`,
        figure,
        value,
        version,
      ]);
    }
  });
}

beforeAll(async () => {
  db = await freshDb();
  await report(
    A,
    '2025-04',
    Object.fromEntries(
      ROWS.flatMap(([, , h, t, [ah, at]]) => [
        [h, ah],
        [t, at],
      ]),
    ),
  );
  await report(
    B,
    '2025-04',
    Object.fromEntries(
      ROWS.flatMap(([, , h, t, , [bh, bt]]) => [
        [h, bh],
        [t, bt],
      ]),
    ),
  );
  // May for 历下区's disclosures only, and a restated April (version 2) of its audit plan.
  await report(A, '2025-05', { disclosures_on_time: 15, disclosures_due: 20 });
  await report(A, '2025-04', { audit_plan_done: 80, audit_plan_due: 92 }, 2);
  // Rows written past the collectors: every period is stale, as after a collector run.
  await db.exclusive((c) => markAllStale(c));
  await db.setClock('2025-07-20 12:00:00');
  await refreshMarts(db);
});
afterAll(() => db?.close());

const indicator = (metric: string, region: string, periodType = 'month', period = '2025-04') => shownValue(db, metric, region, periodType, period);

describe('monitoring indicators, handled over total, summed from counties', () => {
  it.each(ROWS.filter(([m]) => m !== 'audit_plan_rate'))('%s (%s)', async (metric, _code, _h, _t, _a, _b, county, city) => {
    expect(await indicator(metric, A)).toBe(county);
    expect(await indicator(metric, CITY)).toBe(city);
  });

  it('measure the Appendix A indicator named in dim_metric', async () => {
    const rows = await db.rows<{ code: string; appendix_code: string }>('SELECT code, appendix_code FROM dim_metric');
    const declared = new Map(rows.map((r) => [r.code, r.appendix_code]));
    for (const [metric, code] of ROWS) expect(declared.get(metric), metric).toBe(code);
  });

  it('read the restated version of a report', async () => {
    // Version 2 of 历下区's April: 80 of 92 audit items (not 88) → 86.9565 %; city (80 + 22)/(92 + 23) = 102/115.
    expect(await indicator('audit_plan_rate', A)).toBe('80/92 = 86.9565');
    expect(await indicator('audit_plan_rate', CITY)).toBe('102/115 = 88.6957');
  });

  it('sum the months of a quarter', async () => {
    // 历下区 Q2: April 108/112 + May 15/20 = 123/132 = 93.1818 %.
    expect(await indicator('disclosure_on_time_rate', A, 'quarter', '2025-Q2')).toBe('123/132 = 93.1818');
  });
});
