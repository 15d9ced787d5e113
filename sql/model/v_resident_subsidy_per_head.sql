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
