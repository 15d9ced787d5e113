-- Mean handling time of cases completed in the period, in working days and in hours.
CREATE OR REPLACE VIEW v_handling_mean AS
SELECT region_code, period_type, period, 'handling_days_mean' AS metric,
       CAST(SUM(completed_workdays) AS DOUBLE) AS numerator, SUM(completed) AS denominator
FROM mart_case_period GROUP BY ALL
UNION ALL
SELECT region_code, period_type, period, 'handling_hours_mean',
       SUM(completed_seconds) / 3600.0, SUM(completed)
FROM mart_case_period GROUP BY ALL;
