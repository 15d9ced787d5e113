-- Periods: 'month' (the month's own indicator values), 'ytd' (year to date through the month:
-- ratios from numerators and denominators summed since January, levels without additive parts
-- take the month's value) and 'year' (the year's values; for the running year, to date).
-- The year-to-date score is the projection of the annual assessment: rates and levels are
-- assumed to hold for the rest of the year.
-- Metric values the schemes use, per region and period type month / ytd / year.
CREATE OR REPLACE VIEW v_score_metric AS
WITH used AS (
  SELECT * FROM mart_metric_value
  WHERE metric IN (SELECT metric FROM dim_scheme_entry WHERE metric IS NOT NULL)
), ytd AS (
  SELECT u.region_code, u.period, u.metric, u.value,
         CASE m.unit WHEN '%' THEN 100.0 ELSE 1.0 END AS factor,
         SUM(u.numerator) OVER w AS ytd_numerator,
         SUM(u.denominator) OVER w AS ytd_denominator,
         bool_and(u.numerator IS NOT NULL AND u.denominator IS NOT NULL) OVER w AS additive
  FROM used u JOIN dim_metric m ON m.code = u.metric
  WHERE u.period_type = 'month'
  WINDOW w AS (PARTITION BY u.region_code, u.metric, left(u.period, 4) ORDER BY u.period ROWS UNBOUNDED PRECEDING)
)
SELECT region_code, period_type, period, metric, value FROM used WHERE period_type IN ('month', 'year')
UNION ALL
SELECT region_code, 'ytd', period, metric,
       CASE WHEN NOT additive THEN value
            WHEN ytd_denominator = 0 THEN NULL
            ELSE factor * ytd_numerator / ytd_denominator END
FROM ytd;
