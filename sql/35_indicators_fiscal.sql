-- 财政投入 (Appendix A 1.4, incentive indicators E) from the monthly statistical reports
-- (flows summed over the period, sql/31_report_period.sql).

-- Local fiscal subsidy per insured resident and month (元): the period's subsidy over the
-- insured person-months (insured at each month's end, summed over the reported months).
-- scheme: 'pension' (城乡居民基本养老保险) or 'medical' (城乡居民基本医疗保险).
CREATE OR REPLACE VIEW v_resident_subsidy_per_head AS
SELECT s.region_code, s.period_type, s.period, f.scheme,
       10000 * s.total / n.total AS per_head_month
FROM (VALUES ('pension'), ('medical')) AS f(scheme)
JOIN mart_report_period s ON s.figure = 'resident_' || f.scheme || '_subsidy'
JOIN mart_report_period n ON n.figure = 'resident_' || f.scheme || '_insured'
 AND n.region_code = s.region_code AND n.period_type = s.period_type AND n.period = s.period;

-- 城乡居民基本养老保险当地财政人均补贴水平 (1.4.1) and 城乡居民基本医疗保险当地财政人均补贴水平
-- (1.4.2): 人均补贴标准与上年度人均补贴标准的比例. Numerator: subsidy per insured resident and
-- month in the period; denominator: the same over the whole previous year (上年度, its
-- reported months). 100 % = unchanged; no row without the previous year.
CREATE OR REPLACE VIEW v_resident_subsidy_growth AS
SELECT cur.region_code, cur.period_type, cur.period, 'resident_' || cur.scheme || '_subsidy_growth' AS metric,
       cur.per_head_month AS numerator, prev.per_head_month AS denominator
FROM v_resident_subsidy_per_head cur
JOIN dim_period p ON p.period_type = cur.period_type AND p.period = cur.period
JOIN v_resident_subsidy_per_head prev
  ON prev.scheme = cur.scheme AND prev.region_code = cur.region_code
 AND prev.period_type = 'year' AND prev.period = CAST(year(p.start_date) - 1 AS VARCHAR);

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
