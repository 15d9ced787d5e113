-- 限时办结率 (all service items) and 社会保险登记限时办结率 (Appendix A 2.1.2: 参保、变更、注销登记).
-- Numerator: cases due in the period completed within the statutory working-day limit.
-- Denominator: cases due in the period; a case still open after its deadline counts as late.
CREATE OR REPLACE VIEW v_on_time_rate AS
SELECT region_code, period_type, period, 'on_time_rate' AS metric,
       SUM(due_on_time) AS numerator, SUM(due) AS denominator
FROM mart_case_period GROUP BY ALL
UNION ALL
SELECT c.region_code, c.period_type, c.period, 'reg_on_time_rate',
       SUM(c.due_on_time), SUM(c.due)
FROM mart_case_period c JOIN dim_service_item i ON i.code = c.item
WHERE i.item_group = 'registration'
GROUP BY ALL;
