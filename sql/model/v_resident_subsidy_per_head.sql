-- Local fiscal subsidy per insured resident and month (元): the period's subsidy over the
-- insured person-months (insured at each month's end, summed over the reported months).
-- scheme: 'pension' (城乡居民基本养老保险) or 'medical' (城乡居民基本医疗保险).
-- Each side is filtered to its figures by constants before the join (as in v_fund_months).
CREATE OR REPLACE VIEW v_resident_subsidy_per_head AS
WITH subsidy AS (
  SELECT region_code, period_type, period, split_part(figure, '_', 2) AS scheme, total
  FROM mart_report_period WHERE figure IN ('resident_pension_subsidy', 'resident_medical_subsidy')
), insured AS (
  SELECT region_code, period_type, period, split_part(figure, '_', 2) AS scheme, total
  FROM mart_report_period WHERE figure IN ('resident_pension_insured', 'resident_medical_insured')
)
SELECT s.region_code, s.period_type, s.period, s.scheme,
       10000 * s.total / n.total AS per_head_month
FROM subsidy s
JOIN insured n USING (region_code, period_type, period, scheme);
