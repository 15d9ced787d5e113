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
