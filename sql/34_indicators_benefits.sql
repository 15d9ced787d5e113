-- 待遇保障 (Appendix A 1.3) from the monthly statistical reports: benefit levels and the
-- funds' capacity to pay. Stock figures take the period's closing month, flows the period's
-- sum (sql/31_report_period.sql).

-- 职工基本养老保险保障水平 (1.3.1): 职工月人均基本养老金占统筹地在岗职工月平均工资的比例.
-- Chosen definition: the region itself is the 统筹地, and the wage is last year's average
-- monthly wage (this year's is published only after the year), as in wage_ratio. Numerator:
-- basic pensions paid in the period (万元); denominator: retiree-months × that wage (万元).
-- So value = pension per retiree and month over the average monthly wage.
CREATE OR REPLACE VIEW v_pension_replacement_rate AS
SELECT * FROM wage_ratio('pension_replacement_rate', 'pension_benefit_paid', 'pension_retirees');

-- 职工基本医疗保险保障水平 (1.3.2) and 城乡居民医疗保险保障水平 (1.3.3): 政策范围内住院费用
-- 支付比例. Numerator: in-policy inpatient costs paid by the fund in the period; denominator:
-- in-policy inpatient costs incurred in the period (万元).
CREATE OR REPLACE VIEW v_medical_reimbursement_rate AS
SELECT * FROM report_ratio('employee_medical_reimbursement_rate', 'employee_inpatient_reimbursed', 'employee_inpatient_policy_cost')
UNION ALL
SELECT * FROM report_ratio('resident_medical_reimbursement_rate', 'resident_inpatient_reimbursed', 'resident_inpatient_policy_cost');

-- 基金支付能力 as months of payout the accumulated balance covers (可支付月数), the usual
-- reading of 基金累计结余情况. Numerator: accumulated balance at the period's end; denominator:
-- average monthly expenditure over the period's reported months (万元). Per fund: 'employee_pension',
-- 'employee_medical', 'resident_medical'.
CREATE OR REPLACE VIEW v_fund_months AS
SELECT b.region_code, b.period_type, b.period, f.fund,
       b.amount AS balance, e.monthly AS monthly_expense
FROM (VALUES ('employee_pension'), ('employee_medical'), ('resident_medical')) AS f(fund)
JOIN mart_report_period b ON b.figure = f.fund || '_fund_balance'
JOIN mart_report_period e ON e.figure = f.fund || '_fund_expense'
 AND e.region_code = b.region_code AND e.period_type = b.period_type AND e.period = b.period;

-- 职工基本养老保险基金支付能力 (1.3.4) and 职工基本医疗保险基金支付能力 (1.3.5):
-- 基金累计结余情况, in months of payout (v_fund_months).
CREATE OR REPLACE VIEW v_fund_payout_months AS
SELECT region_code, period_type, period,
       CASE fund WHEN 'employee_pension' THEN 'pension_fund_months' ELSE 'employee_medical_fund_months' END AS metric,
       balance AS numerator, monthly_expense AS denominator
FROM v_fund_months
WHERE fund IN ('employee_pension', 'employee_medical');

-- 城乡居民医疗保险基金支付能力 (1.3.6): 当年支付能力与上一个期末支付能力的比例.
-- Chosen definition: 支付能力 = months of payout (v_fund_months); 上一个期末 = the end of the
-- previous year, whose capacity is the previous year's figure (balance at its last reported
-- month over its average monthly expenditure). Numerator: months of payout of the period;
-- denominator: months of payout of the previous year; no row without the previous year.
CREATE OR REPLACE VIEW v_resident_medical_fund_ratio AS
SELECT cur.region_code, cur.period_type, cur.period, 'resident_medical_fund_ratio' AS metric,
       cur.balance / cur.monthly_expense AS numerator, prev.balance / prev.monthly_expense AS denominator
FROM v_fund_months cur
JOIN dim_period p ON p.period_type = cur.period_type AND p.period = cur.period
JOIN v_fund_months prev
  ON prev.fund = cur.fund AND prev.region_code = cur.region_code
 AND prev.period_type = 'year' AND prev.period = CAST(year(p.start_date) - 1 AS VARCHAR)
WHERE cur.fund = 'resident_medical';
