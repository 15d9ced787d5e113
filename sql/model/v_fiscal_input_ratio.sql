-- 地方财政社会保险投入水平 (1.4.3): 地方财政社会保险投入占同期基金收入的比例. Numerator:
-- local fiscal social-insurance input in the period; denominator: income in the period of the
-- employee pension, employee medical and resident medical funds (万元).
CREATE OR REPLACE VIEW v_fiscal_input_ratio AS
SELECT region_code, period_type, period, 'fiscal_input_ratio' AS metric,
       SUM(amount) FILTER (WHERE figure = 'local_fiscal_si_input') AS numerator,
       SUM(amount) FILTER (WHERE figure <> 'local_fiscal_si_input') AS denominator
FROM mart_report_period
WHERE figure IN ('local_fiscal_si_input', 'employee_pension_fund_income',
                 'employee_medical_fund_income', 'resident_medical_fund_income')
GROUP BY ALL
HAVING count(DISTINCT figure) = 4;
