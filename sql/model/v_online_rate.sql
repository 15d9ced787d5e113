-- 网上办理率 (Appendix A 4.1.1 网上经办与查询, part b): cases accepted in the period through
-- the 网上 or 掌上 channel over all cases accepted in the period.
CREATE OR REPLACE VIEW v_online_rate AS
SELECT region_code, period_type, period, 'online_rate' AS metric,
       SUM(accepted_online) AS numerator, SUM(accepted) AS denominator
FROM mart_case_period GROUP BY ALL;
