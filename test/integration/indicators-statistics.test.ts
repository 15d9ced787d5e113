// Appendix A indicators from statistical reports and transfer cases, on hand-made reports of
// three counties in two cities; every expected value is worked out by hand below.
// Amounts are 万元; March 2025 has no public holidays (working days are Mon–Fri).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatorApp } from '../../demo/simulator/app.js';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { SEEDS_DIR } from '../../core/paths.js';
import { collectAll, collectedFixture } from '../support/collect.js';
import { freshDb } from '../support/db.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const C = '370202'; // 市南区, 青岛市
const JINAN = '370100';

// A county's month as the defaults give it: 6,000 元 last year's average monthly wage
// (4,320 万元 over 600 employees / 12), contribution bases at 70 % of it, pensions at 45 %.
const DEFAULTS = {
  insured_target: 1000,
  insured_registered: 950,
  pension_insured: 900,
  medical_insured: 920,
  employee_pension_insured: 500,
  employee_pension_paying: 450,
  resident_pension_insured: 400,
  resident_medical_insured: 410,
  pension_retirees: 200,
  prev_year_employees: 600,
  prev_year_wage_total: 4320,
  contribution_base_total: 189, // 450 × 6,000 × 70 %
  pension_contrib_due: 50,
  pension_contrib_collected: 48,
  medical_contrib_due: 20,
  medical_contrib_collected: 19,
  pension_benefit_paid: 54, // 200 × 2,700 元
  employee_pension_fund_income: 60,
  employee_pension_fund_expense: 56,
  employee_pension_fund_balance: 560,
  employee_medical_fund_income: 20,
  employee_medical_fund_expense: 18,
  employee_medical_fund_balance: 360,
  resident_medical_fund_income: 40,
  resident_medical_fund_expense: 36,
  resident_medical_fund_balance: 288,
  employee_inpatient_policy_cost: 12,
  employee_inpatient_reimbursed: 10,
  resident_inpatient_policy_cost: 30,
  resident_inpatient_reimbursed: 20,
  resident_pension_subsidy: 1, // 400 × 25 元
  resident_medical_subsidy: 1.64, // 410 × 40 元
  local_fiscal_si_input: 12,
  reg_records_checked: 100,
  reg_records_error: 2,
  upload_records_checked: 1000,
  upload_records_error: 5,
};

const report = (region_code: string, period: string, version: number, submitted_at: string, changes: Partial<typeof DEFAULTS> = {}) => ({
  id: `${region_code}|${period}|${version}`,
  updated_at: submitted_at,
  region_code,
  period,
  version,
  submitted_at,
  figures: { ...DEFAULTS, ...changes },
});

const REPORTS = [
  // A, previous year: subsidies 24 元 and 35 元 per head, resident medical fund 252 / 36 = 7 months.
  report(A, '2024-12', 1, '2025-01-10T10:00:00+08:00', {
    resident_pension_subsidy: 0.96,
    resident_medical_subsidy: 1.435,
    resident_medical_fund_balance: 252,
  }),
  report(A, '2025-01', 1, '2025-02-10T10:00:00+08:00', { insured_registered: 930, employee_pension_fund_expense: 50, resident_medical_fund_expense: 30 }),
  report(A, '2025-02', 1, '2025-03-10T10:00:00+08:00', { insured_registered: 940, employee_pension_fund_expense: 53, resident_medical_fund_expense: 33 }),
  report(A, '2025-03', 1, '2025-04-10T10:00:00+08:00'),
  // The restatement of A's March: 960 registered, 49 collected.
  report(A, '2025-03', 2, '2025-04-25T10:00:00+08:00', { insured_registered: 960, pension_contrib_collected: 49 }),
  // B: a larger district with last year's wage 8,000 元 a month (9,600 万元 / 1,000 / 12)
  // and bases at 50 % of it (800 payers of 900 insured × 4,000 元 = 320 万元).
  report(B, '2025-03', 1, '2025-04-11T10:00:00+08:00', {
    insured_target: 2000,
    insured_registered: 1800,
    prev_year_employees: 1000,
    prev_year_wage_total: 9600,
    employee_pension_insured: 900,
    employee_pension_paying: 800,
    contribution_base_total: 320,
  }),
  report(C, '2025-03', 1, '2025-04-12T10:00:00+08:00'),
];

const transfer = (case_id: string, region_code: string, item: string, accepted_at: string, completed_at: string | null) => ({
  id: case_id,
  updated_at: completed_at ?? accepted_at,
  case_id,
  region_code,
  item,
  channel: 'window',
  accepted_at,
  completed_at,
  limit_days: item === 'reg_enroll' ? 5 : 15,
});

const CASES = [
  // A: 4 working days, due 03-24, on time.
  transfer('T1', A, 'pension_transfer', '2025-03-03T09:00:00+08:00', '2025-03-07T09:00:00+08:00'),
  // A: 17 working days (03-04 … 03-26), due 03-24, late.
  transfer('T2', A, 'medical_transfer', '2025-03-03T10:00:00+08:00', '2025-03-26T10:00:00+08:00'),
  // B: still open, due 03-25: late.
  transfer('T3', B, 'pension_transfer', '2025-03-04T09:00:00+08:00', null),
  // B: 5 working days, due 03-26, on time.
  transfer('T4', B, 'medical_transfer', '2025-03-05T09:00:00+08:00', '2025-03-12T09:00:00+08:00'),
  // B: 1 working day, due 03-27, on time.
  transfer('T5', B, 'pension_transfer', '2025-03-06T09:00:00+08:00', '2025-03-07T09:00:00+08:00'),
  // Not a transfer: counted by 限时办结率, not here.
  transfer('N1', A, 'reg_enroll', '2025-03-03T09:00:00+08:00', '2025-03-31T09:00:00+08:00'),
];

let db: Database;
let fixture: Awaited<ReturnType<typeof collectedFixture>>;

beforeAll(async () => {
  fixture = await collectedFixture({ cases: CASES, reports: REPORTS, uploads: [] });
  db = fixture.db;
});

afterAll(() => fixture.close());

async function rows(metric: string, region: string, period: string, periodType: string) {
  return db.rows<{ numerator: number; denominator: number; value: number }>(
    'SELECT numerator, denominator, value FROM mart_metric_value WHERE metric = $metric AND region_code = $region AND period = $period AND period_type = $periodType',
    { metric, region, period, periodType },
  );
}

async function value(metric: string, region: string, period = '2025-03', periodType = 'month') {
  const found = await rows(metric, region, period, periodType);
  expect(found, `${metric} ${region} ${period}`).toHaveLength(1);
  return found[0].value;
}

describe('a county month, each indicator from its report (A, March 2025, restated)', () => {
  const expected: Record<string, number> = {
    registration_rate: (100 * 960) / 1000,
    pension_coverage_rate: (100 * 900) / 960,
    medical_coverage_rate: (100 * 920) / 960,
    contribution_base_level: (100 * 189) / ((450 * 6000) / 10000), // 189 / 270
    pension_collection_rate: (100 * 49) / 50,
    medical_collection_rate: (100 * 19) / 20,
    pension_paying_rate: (100 * 450) / 500,
    pension_replacement_rate: (100 * 54) / ((200 * 6000) / 10000), // 54 / 120
    employee_medical_reimbursement_rate: (100 * 10) / 12,
    resident_medical_reimbursement_rate: (100 * 20) / 30,
    pension_fund_months: 560 / 56,
    employee_medical_fund_months: 360 / 18,
    resident_medical_fund_ratio: (100 * (288 / 36)) / (252 / 36), // 8 months against 7 at the end of 2024
    resident_pension_subsidy_growth: (100 * 25) / 24,
    resident_medical_subsidy_growth: (100 * 40) / 35,
    fiscal_input_ratio: (100 * 12) / (60 + 20 + 40),
    registration_accuracy: (100 * (100 - 2)) / 100,
    upload_accuracy: (100 * (1000 - 5)) / 1000,
  };
  for (const [metric, want] of Object.entries(expected)) {
    it(metric, async () => {
      expect(await value(metric, A)).toBeCloseTo(want, 9);
    });
  }

  it('exposes numerator and denominator', async () => {
    expect((await rows('registration_rate', A, '2025-03', 'month'))[0]).toMatchObject({ numerator: 960, denominator: 1000 });
    const [base] = await rows('contribution_base_level', A, '2025-03', 'month');
    expect(base.numerator).toBe(189);
    expect(base.denominator).toBeCloseTo(270, 9);
  });
});

describe('restated report', () => {
  it('uses version 2 in place of version 1, for every figure of the report', async () => {
    // Version 1 would give 950 / 1000 and 48 / 50.
    expect(await value('registration_rate', A)).toBe(96);
    expect(await value('pension_collection_rate', A)).toBe(98);
    const versions = await db.rows(
      "SELECT DISTINCT version FROM raw_report WHERE region_code = '370102' AND period_month = DATE '2025-03-01' ORDER BY version",
    );
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
  });
});

describe('rollup to cities and the province', () => {
  it('sums the counties parts: 参保登记率 of 济南 is not the mean of its counties', async () => {
    // (960 + 1800) / (1000 + 2000) = 92 %, where the mean of 96 % and 90 % is 93 %.
    expect(await value('registration_rate', B)).toBe(90);
    expect((await rows('registration_rate', JINAN, '2025-03', 'month'))[0]).toMatchObject({ numerator: 2760, denominator: 3000, value: 92 });
    // 山东省 adds 青岛's C: (2760 + 950) / 4000.
    expect(await value('registration_rate', '370000')).toBeCloseTo(92.75, 9);
    expect(await value('registration_rate', '370200')).toBe(95);
  });

  it('takes the city wage from summed wage bills and headcounts for 缴费水平', async () => {
    // B alone: 320 / (800 × 8,000) = 50 %. 济南: wage (4,320 + 9,600) / (600 + 1,000) / 12 = 7,250 元;
    // (189 + 320) / ((450 + 800) × 7,250 / 10,000) = 509 / 906.25.
    expect(await value('contribution_base_level', B)).toBeCloseTo(50, 9);
    expect(await value('contribution_base_level', JINAN)).toBeCloseTo((100 * 509) / 906.25, 9);
  });
});

describe('quarters and years', () => {
  it('takes stock figures from the period’s last reported month', async () => {
    // Q1: March's 960 registered (January 930, February 940 do not count).
    expect(await value('registration_rate', A, '2025-Q1', 'quarter')).toBe(96);
    expect(await value('registration_rate', A, '2025', 'year')).toBe(96);
    // 2024 has December only: 950 / 1000.
    expect(await value('registration_rate', A, '2024', 'year')).toBe(95);
  });

  it('sums flows over the months and divides the closing balance by the average monthly expenditure', async () => {
    // Collected 48 + 48 + 49 over due 3 × 50.
    expect(await value('pension_collection_rate', A, '2025-Q1', 'quarter')).toBeCloseTo((100 * 145) / 150, 9);
    // Balance 560 at March over (50 + 53 + 56) / 3 = 53 a month.
    expect(await value('pension_fund_months', A, '2025-Q1', 'quarter')).toBeCloseTo(560 / 53, 9);
  });
});

describe('previous-year comparisons', () => {
  it('compares per-head subsidies with the previous year', async () => {
    // 2025: 3 × 1 万元 over 3 × 400 insured months = 25 元, against 24 元 in 2024.
    expect(await value('resident_pension_subsidy_growth', A, '2025', 'year')).toBeCloseTo((100 * 25) / 24, 9);
    const [row] = await rows('resident_medical_subsidy_growth', A, '2025', 'year');
    expect(row.numerator).toBeCloseTo(40, 9);
    expect(row.denominator).toBeCloseTo(35, 9);
  });

  it('compares resident medical payout months with the end of the previous year', async () => {
    // Q1: 288 / ((30 + 33 + 36) / 3) = 8.727 months, against 252 / 36 = 7 at the end of 2024.
    expect(await value('resident_medical_fund_ratio', A, '2025-Q1', 'quarter')).toBeCloseTo((100 * (288 / 33)) / 7, 9);
  });

  it('gives no value without a previous year', async () => {
    expect(await rows('resident_medical_fund_ratio', A, '2024', 'year')).toEqual([]);
    expect(await rows('resident_pension_subsidy_growth', A, '2024-12', 'month')).toEqual([]);
  });
});

describe('社会保险关系转移接续 from transfer cases', () => {
  it('gives 合格率 over cases due in the period and 办理时限 over cases completed', async () => {
    // A: T1 on time, T2 late → 1 / 2; (4 + 17) / 2 working days. N1 (registration) is not a transfer.
    expect((await rows('transfer_completion_rate', A, '2025-03', 'month'))[0]).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect((await rows('transfer_handling_days', A, '2025-03', 'month'))[0]).toMatchObject({ numerator: 21, denominator: 2, value: 10.5 });
    // B: T4 and T5 on time, T3 open past its deadline → 2 / 3; (5 + 1) / 2.
    expect((await rows('transfer_completion_rate', B, '2025-03', 'month'))[0]).toMatchObject({ numerator: 2, denominator: 3 });
    expect(await value('transfer_handling_days', B)).toBe(3);
    // 济南: 3 / 5 = 60 % (the mean of 50 % and 66.7 % would be 58.3 %); (4 + 17 + 5 + 1) / 4.
    expect(await value('transfer_completion_rate', JINAN)).toBe(60);
    expect(await value('transfer_handling_days', JINAN)).toBe(6.75);
  });
});

describe('catalogue', () => {
  it('marks the Appendix A rows these metrics measure as computed', async () => {
    const app = await signedInApp(db);
    const { data } = await (await app.request('/api/catalogue')).json();
    const byCode = new Map<string, { source: string; metrics: string[] }>(data.map((r: { code: string }) => [r.code, r]));
    const computed = [
      '1.1.1',
      '1.1.2',
      '1.1.3',
      '1.2.1',
      '1.2.2',
      '1.2.3',
      '1.2.4',
      '1.3.1',
      '1.3.2',
      '1.3.3',
      '1.3.4',
      '1.3.5',
      '1.3.6',
      '1.4.1',
      '1.4.2',
      '1.4.3',
      '2.1.3',
      '2.4.1',
      '2.4.2',
      '3.5.2',
    ];
    for (const code of computed) expect(byCode.get(code)?.source, code).toBe('computed');
    expect(byCode.get('3.5.2')?.metrics).toEqual(['upload_accuracy', 'upload_timeliness']);
    // The 好差评 and 投诉 feeds (test/sql/ratings.test.ts, complaints.test.ts) and the business
    // system's monitoring figures (test/sql/monitoring-indicators.test.ts): 19 more, 41 of 68.
    const monitored = [
      '2.2.1',
      '2.2.2',
      '2.2.3',
      '2.2.4',
      '2.3.1',
      '2.3.2',
      '2.3.3',
      '2.3.4',
      '2.3.5',
      '2.4.3',
      '3.4.1',
      '3.4.2',
      '4.4.1',
      '4.4.2',
      '4.5.1',
      '5.2.2',
      '5.2.3',
      '5.3.1',
      '5.3.2',
    ];
    for (const code of monitored) expect(byCode.get(code)?.source, code).toBe('computed');
    expect(data.filter((r: { source: string }) => r.source === 'computed')).toHaveLength(41);
    expect(byCode.get('5.2.2')?.metrics).toEqual(['bad_rectified_rate', 'good_rating_rate', 'named_bad_visit_rate', 'rating_rate']);
    expect(byCode.get('5.2.3')?.metrics).toEqual(['complaint_answer_rate', 'complaint_resolution_rate', 'complaint_satisfaction_rate']);
    expect(byCode.get('1.4.4')?.source).toBe('manual');
  });
});

describe('simulated platform', () => {
  it('fills every metric of seeds/metrics.csv with at least one value', async () => {
    const now = Date.parse('2025-03-01T00:00:00+08:00');
    const sim = serve({ fetch: createSimulatorApp({ seed: 'coverage', casesPerDay: 0.05, now: () => now }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => sim.once('listening', r));
    const simDb = await freshDb();
    try {
      const url = `http://127.0.0.1:${(sim.address() as { port: number }).port}`;
      const runs = await collectAll(simDb, url, undefined, { since: '2025-01-01T00:00:00+08:00|', pageSize: 5000 });
      expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'ok'));
      const codes = readFileSync(join(SEEDS_DIR, 'metrics.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',')[0]);
      expect(codes).toHaveLength(58);
      const filled = await simDb.rows<{ metric: string }>('SELECT DISTINCT metric FROM mart_metric_value WHERE value IS NOT NULL');
      expect(codes.filter((c) => !filled.some((f) => f.metric === c))).toEqual([]);
    } finally {
      simDb.close();
      await new Promise((r) => sim.close(r));
    }
  }, 120_000); // every feed of the platform, each run ending with a refresh
});
