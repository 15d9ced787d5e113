// The figures of a county's monthly statistical report (统计报表): coverage, contributions,
// benefits, the three funds, fiscal input and data-quality checks. People and records are
// whole counts, amounts are 万元 with 2 decimals. Every figure is a total or a head count,
// never a per-head average, so the indicators' ratios roll up exactly. Stock figures
// (people insured, balances) are as at month end; the others are the month's flows.
import { DAY, dayStart } from '../../core/time.js';
import { monitoringFigures } from './monitoring-figures.js';
import { rng } from './random.js';

export interface ReportCounty {
  code: string;
  name: string;
  cityCode: string;
  onTime: number;
  population: number;
}

// Average annual wage of employees in post (元, 2023), by city: coastal and capital
// cities pay most, the south-west least (orders of magnitude as published by the province).
const CITY_WAGE_2023: Record<string, number> = {
  '370100': 118_000,
  '370200': 125_000,
  '370300': 96_000,
  '370400': 84_000,
  '370500': 110_000,
  '370600': 104_000,
  '370700': 92_000,
  '370800': 88_000,
  '370900': 85_000,
  '371000': 98_000,
  '371100': 90_000,
  '371300': 82_000,
  '371400': 80_000,
  '371500': 78_000,
  '371600': 88_000,
  '371700': 75_000,
};

/** What stays the same for a county from month to month. */
interface Profile {
  wage2023: number; // 元 per year
  employeeShare: number; // employees in post per resident to register
  employeeInsuredShare: number; // employee scheme share of pension insured
  paying: number; // share of employee-scheme insured paying in a month
  baseRatio: number; // contribution base per head over last year's average monthly wage
  pensionShare: number; // pension insured per registered
  medicalShare: number; // medical insured per registered
  retireeRatio: number; // retirees per employee-scheme insured
  replacement: number; // average pension over last year's average monthly wage
  pensionMonths: number; // months of payout the pension fund balance covers at 2024-01
  medicalMonths: number;
  residentMonths: number;
  employeeReimbursed: number; // share of in-policy inpatient costs the fund pays
  residentReimbursed: number;
  pensionSubsidy: number; // 元 per resident insured per month, 2024
  medicalSubsidy: number; // 元 per resident insured per year, 2024
  subsidyGrowth: number; // yearly growth factor of both subsidy standards
  fiscalMarkup: number; // local input for resident schemes over the two subsidies
  regErrors: number; // share of registration records found wrong when checked
  uploadErrors: number; // share of uploaded records failing validation
}

const profiles = new Map<string, Profile>();

function profile(seed: string, county: ReportCounty): Profile {
  const key = `${seed}:${county.code}`;
  let p = profiles.get(key);
  if (!p) {
    const r = rng(`${seed}:report-profile:${county.code}`);
    const urban = county.name.endsWith('区');
    p = {
      wage2023: (CITY_WAGE_2023[county.cityCode] ?? 85_000) * (urban ? 1.06 : 0.9) * (0.95 + r() * 0.1),
      employeeShare: urban ? 0.3 + r() * 0.15 : 0.14 + r() * 0.1,
      employeeInsuredShare: urban ? 0.55 + r() * 0.15 : 0.3 + r() * 0.15,
      paying: 0.84 + r() * 0.12,
      baseRatio: 0.62 + r() * 0.23,
      pensionShare: 0.9 + r() * 0.08,
      medicalShare: 0.94 + r() * 0.05,
      retireeRatio: urban ? 0.28 + r() * 0.12 : 0.36 + r() * 0.14,
      replacement: urban ? 0.36 + r() * 0.08 : 0.44 + r() * 0.08,
      pensionMonths: 6 + r() * 16,
      medicalMonths: 12 + r() * 18,
      residentMonths: 5 + r() * 6,
      employeeReimbursed: 0.82 + r() * 0.08,
      residentReimbursed: 0.6 + r() * 0.12,
      pensionSubsidy: 18 + r() * 22,
      medicalSubsidy: 420 + r() * 100,
      subsidyGrowth: 1.02 + r() * 0.05,
      fiscalMarkup: 1.15 + r() * 0.2,
      regErrors: 0.002 + r() * r() * 0.025,
      uploadErrors: 0.0005 + r() * r() * 0.008,
    };
    profiles.set(key, p);
  }
  return p;
}

const wan = (yuan: number) => Math.round(yuan / 100) / 100; // 元 → 万元, 2 decimals
const people = Math.round;

/** The report of `county` for `period` (YYYY-MM); `r` draws the month's noise. */
export function reportFigures(seed: string, county: ReportCounty, period: string, r: () => number): Record<string, number> {
  const p = profile(seed, county);
  const year = Number(period.slice(0, 4));
  const t = (dayStart(`${period}-01`) - dayStart('2024-01-01')) / (365 * DAY); // years since 2024-01
  const noise = (spread: number) => 1 + (r() - 0.5) * spread;

  // 覆盖范围: residents to register, registered, insured in each scheme.
  const coverage = Math.min(0.995, 0.9 + county.onTime * 0.05 + 0.01 * t + (r() - 0.5) * 0.01);
  const registered = people(county.population * coverage);
  const pensionInsured = people(registered * Math.min(0.99, p.pensionShare + 0.003 * t) * noise(0.006));
  const medicalInsured = people(registered * Math.min(0.995, p.medicalShare + 0.002 * t) * noise(0.006));
  const employeeInsured = people(pensionInsured * Math.min(0.9, p.employeeInsuredShare + 0.01 * t));
  const residentPensionInsured = pensionInsured - employeeInsured;
  const residentMedicalInsured = medicalInsured - Math.min(medicalInsured, people(employeeInsured * 1.02));
  const paying = people(employeeInsured * Math.min(0.99, p.paying + 0.005 * t) * noise(0.02));

  // Last year's wages: published once a year, the same in every month of a year.
  const prevEmployees = people(county.population * p.employeeShare * (1 + 0.01 * (year - 2024)));
  const prevWage = p.wage2023 * 1.055 ** (year - 1 - 2023); // 元 per year
  const prevWageMonth = prevWage / 12;

  // 基金征收: contribution bases and what is due and collected (employee pension 16% + 8%,
  // employee medical about 9.5%).
  const baseTotal = paying * prevWageMonth * p.baseRatio * noise(0.01);
  const collect = 0.93 + county.onTime * 0.06;
  const pensionDue = wan(baseTotal * 0.24);
  const medicalDue = wan(baseTotal * 0.095);
  const pensionCollected = Math.round(pensionDue * Math.min(1, collect + (r() - 0.5) * 0.02) * 100) / 100;
  const medicalCollected = Math.round(medicalDue * Math.min(1, collect + (r() - 0.5) * 0.02) * 100) / 100;

  // 待遇保障: pensions paid, and the three funds with balances of a few to some 20 months of payout.
  const retirees = people(employeeInsured * p.retireeRatio * (1 + 0.02 * t));
  const pensionPaid = retirees * prevWageMonth * p.replacement * noise(0.01);
  const pensionExpense = pensionPaid * 1.04;
  const pensionFiscal = pensionExpense * (0.1 + r() * 0.05); // subsidy to the employee pension fund
  const medicalIncome = medicalCollected * 10_000 * 1.01;
  const medicalExpense = medicalIncome * (0.84 + r() * 0.12);
  const subsidyYears = p.subsidyGrowth ** (year - 2024);
  const residentIncome = (residentMedicalInsured * 1050 * 1.04 ** (year - 2024)) / 12;
  const residentExpense = residentIncome * (0.9 + r() * 0.12);
  const medicalSubsidy = (residentMedicalInsured * p.medicalSubsidy * subsidyYears) / 12;
  const pensionSubsidy = residentPensionInsured * p.pensionSubsidy * subsidyYears;

  return {
    insured_target: county.population,
    insured_registered: registered,
    pension_insured: pensionInsured,
    medical_insured: medicalInsured,
    employee_pension_insured: employeeInsured,
    employee_pension_paying: paying,
    resident_pension_insured: residentPensionInsured,
    resident_medical_insured: residentMedicalInsured,
    pension_retirees: retirees,
    prev_year_employees: prevEmployees,
    prev_year_wage_total: wan(prevEmployees * prevWage),
    contribution_base_total: wan(baseTotal),
    pension_contrib_due: pensionDue,
    pension_contrib_collected: pensionCollected,
    medical_contrib_due: medicalDue,
    medical_contrib_collected: medicalCollected,
    pension_benefit_paid: wan(pensionPaid),
    employee_pension_fund_income: wan(pensionCollected * 10_000 + pensionFiscal),
    employee_pension_fund_expense: wan(pensionExpense),
    employee_pension_fund_balance: wan(pensionExpense * Math.max(2, p.pensionMonths - 0.4 * t) * noise(0.02)),
    employee_medical_fund_income: wan(medicalIncome),
    employee_medical_fund_expense: wan(medicalExpense),
    employee_medical_fund_balance: wan(medicalExpense * (p.medicalMonths + 0.3 * t) * noise(0.02)),
    resident_medical_fund_income: wan(residentIncome),
    resident_medical_fund_expense: wan(residentExpense),
    resident_medical_fund_balance: wan(residentExpense * (p.residentMonths + 0.2 * t) * noise(0.03)),
    employee_inpatient_policy_cost: wan((medicalExpense * 0.55) / Math.min(0.95, p.employeeReimbursed + 0.003 * t)),
    employee_inpatient_reimbursed: wan(medicalExpense * 0.55),
    resident_inpatient_policy_cost: wan((residentExpense * 0.6) / Math.min(0.85, p.residentReimbursed + 0.005 * t)),
    resident_inpatient_reimbursed: wan(residentExpense * 0.6),
    resident_pension_subsidy: wan(pensionSubsidy),
    resident_medical_subsidy: wan(medicalSubsidy),
    local_fiscal_si_input: wan((pensionSubsidy + medicalSubsidy) * p.fiscalMarkup + pensionFiscal * 0.3),
    ...checks('reg_records', people((registered / 1500) * (0.8 + r() * 0.4)), p.regErrors, r),
    ...checks('upload_records', people(county.population * 0.24 * noise(0.06)), p.uploadErrors, r),
    ...monitoringFigures(seed, county, period, r),
    running_cost: runningCost(seed, county, period),
  };
}

/** The agency's running costs of the month (万元): staff per resident differs by county (its
 * efficiency), pay rises 4 % a year, and December carries the year-end spending. Drawn from its
 * own stream so the other figures stay as they were. */
function runningCost(seed: string, county: ReportCounty, period: string): number {
  const staffPer100k = 18 + rng(`${seed}:running-cost:${county.code}`)() * 20;
  const costPerStaff = 1.1 * 1.04 ** (Number(period.slice(0, 4)) - 2024); // 万元 a month
  const december = period.endsWith('-12') ? 1.5 : 1;
  const noise = 0.95 + rng(`${seed}:running-cost:${county.code}:${period}`)() * 0.1;
  return wan((county.population / 100_000) * staffPer100k * costPerStaff * december * noise * 10_000);
}

/** Records checked in the month and those found wrong (`<prefix>_checked`, `<prefix>_error`). */
function checks(prefix: string, checked: number, errorRate: number, r: () => number): Record<string, number> {
  return { [`${prefix}_checked`]: checked, [`${prefix}_error`]: Math.min(checked, people(checked * errorRate * 2 * r())) };
}
