-- 基金支付能力 as months of payout the accumulated balance covers (可支付月数), the usual
-- reading of 基金累计结余情况. Numerator: accumulated balance at the period's end; denominator:
-- average monthly expenditure over the period's reported months (万元). Per fund: 'employee_pension',
-- 'employee_medical', 'resident_medical'.
-- Each side is filtered to its figures by constants before the join, so the join is one row to
-- one (joined on the figures' names, the refresh's planner, which has no statistics for marts
-- rewritten in its transaction, paired every figure of a region-period with every other: 30
-- million rows, over a second of each refresh).
CREATE OR REPLACE VIEW v_fund_months AS
WITH balance AS (
  SELECT region_code, period_type, period, replace(figure, '_fund_balance', '') AS fund, amount
  FROM mart_report_period
  WHERE figure IN ('employee_pension_fund_balance', 'employee_medical_fund_balance', 'resident_medical_fund_balance')
), expense AS (
  SELECT region_code, period_type, period, replace(figure, '_fund_expense', '') AS fund, monthly
  FROM mart_report_period
  WHERE figure IN ('employee_pension_fund_expense', 'employee_medical_fund_expense', 'resident_medical_fund_expense')
)
SELECT b.region_code, b.period_type, b.period, b.fund,
       b.amount AS balance, e.monthly AS monthly_expense
FROM balance b
JOIN expense e USING (region_code, period_type, period, fund);
