-- Periods: 'month' (the month's own indicator values), 'ytd' (year to date through the month)
-- and 'year' (the year's values; for the running year, to date). One definition of a period's
-- value for every metric: the report-based metrics have their own 'ytd' rows, computed by the
-- same SQL as the year's (v_report_period: stocks at the closing reported month, flows summed),
-- so December's year to date is the year's value; the case and upload metrics, all ratios of
-- additive parts, sum their monthly numerators and denominators since January (levels without
-- additive parts take the latest month's value), through every month of the year.
-- The year-to-date score is the projection of the annual assessment: it uses the months that
-- are reported, and rates and levels are assumed to hold for the rest of the year.
-- Metric values the schemes use, per region and period type month / ytd / year.
CREATE OR REPLACE VIEW v_score_metric AS
WITH used AS (
  SELECT * FROM mart_metric_value
  WHERE metric IN (SELECT metric FROM dim_scheme_entry WHERE metric IS NOT NULL)
), own_ytd AS (
  SELECT DISTINCT metric FROM used WHERE period_type = 'ytd'
), with_year AS (
  SELECT DISTINCT metric FROM used WHERE period_type = 'year'
), series AS (
  -- Every month of a year in which the metric has data, so a month without any still has its
  -- year to date (the months before it). A metric that has year values has a year to date only
  -- in the years it has a value for (e.g. 评价率 is not given for a year that starts before the
  -- ratings feed's history), so December's year to date stays the year's.
  SELECT s.region_code, s.metric, p.period
  FROM (SELECT DISTINCT region_code, metric, left(period, 4) AS year FROM used
        WHERE period_type = 'month' AND metric NOT IN (SELECT metric FROM own_ytd)) s
  JOIN dim_period p ON p.period_type = 'month' AND left(p.period, 4) = s.year
  WHERE s.metric NOT IN (SELECT metric FROM with_year)
     OR EXISTS (SELECT 1 FROM used y WHERE y.period_type = 'year' AND y.region_code = s.region_code AND y.metric = s.metric AND y.period = s.year)
), ytd AS (
  SELECT s.region_code, s.period, s.metric,
         last_value(u.value IGNORE NULLS) OVER w AS value,
         CASE m.unit WHEN '%' THEN 100.0 ELSE 1.0 END AS factor,
         SUM(u.numerator) OVER w AS ytd_numerator,
         SUM(u.denominator) OVER w AS ytd_denominator,
         bool_and(u.region_code IS NULL OR (u.numerator IS NOT NULL AND u.denominator IS NOT NULL)) OVER w AS additive,
         count(u.region_code) OVER w AS months
  FROM series s
  JOIN dim_metric m ON m.code = s.metric
  LEFT JOIN used u ON u.region_code = s.region_code AND u.metric = s.metric AND u.period_type = 'month' AND u.period = s.period
  WINDOW w AS (PARTITION BY s.region_code, s.metric, left(s.period, 4) ORDER BY s.period ROWS UNBOUNDED PRECEDING)
), valued AS (
  SELECT region_code, period_type, period, metric, value FROM used
  UNION ALL
  SELECT region_code, 'ytd', period, metric,
         CASE WHEN NOT additive THEN value
              WHEN ytd_denominator = 0 THEN NULL
              ELSE factor * ytd_numerator / ytd_denominator END
  FROM ytd WHERE months > 0
)
SELECT region_code, period_type, period, metric, value FROM valued;
