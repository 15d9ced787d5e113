-- 职工基本养老保险基金支付能力 (1.3.4) and 职工基本医疗保险基金支付能力 (1.3.5):
-- 基金累计结余情况, in months of payout (v_fund_months).
CREATE OR REPLACE VIEW v_fund_payout_months AS
SELECT region_code, period_type, period,
       CASE fund WHEN 'employee_pension' THEN 'pension_fund_months' ELSE 'employee_medical_fund_months' END AS metric,
       balance AS numerator, monthly_expense AS denominator
FROM v_fund_months
WHERE fund IN ('employee_pension', 'employee_medical');
