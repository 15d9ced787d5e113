-- Median and P90 handling time from the additive histogram. The q-quantile is the
-- bucket holding the k-th smallest case, k = floor((n - 1) * q) + 1 — the same rule
-- as quantile_disc, so the median of an even count is the lower median.
-- numerator is NULL (not a ratio); denominator is the number of completed cases.
-- Computed in two steps with the same result: the 64-bucket block holding the k-th case
-- (v_case_duration_block), then the exact buckets of that block alone.
CREATE OR REPLACE VIEW v_handling_quantiles AS
WITH block AS (
  SELECT *,
         SUM(cases) OVER (PARTITION BY region_code, period_type, period, unit ORDER BY block) AS cum,
         SUM(cases) OVER (PARTITION BY region_code, period_type, period, unit) AS total
  FROM v_case_duration_block
), target AS (
  SELECT b.region_code, b.period_type, b.period, b.unit, b.total, k.q, b.block,
         b.cum - b.cases AS before, floor((b.total - 1) * k.q) + 1 AS k
  FROM block b CROSS JOIN (VALUES (0.5), (0.9)) AS k(q)
  WHERE b.cum >= floor((b.total - 1) * k.q) + 1 AND b.cum - b.cases < floor((b.total - 1) * k.q) + 1
), fine AS (
  SELECT t.region_code, t.period_type, t.period, t.unit, t.total, t.q, t.before, t.k, d.bucket, SUM(d.cases) AS cases
  FROM target t
  JOIN dim_region_rollup r ON r.region_code = t.region_code
  JOIN dim_month_period p ON p.period_type = t.period_type AND p.period = t.period
  JOIN v_case_duration_seen d
    ON d.region_code = r.county_code AND d.day = p.day AND d.unit = t.unit AND duration_block(d.bucket) = t.block
  GROUP BY ALL
), cum AS (
  SELECT *, before + SUM(cases) OVER (PARTITION BY region_code, period_type, period, unit, q ORDER BY bucket) AS cum
  FROM fine
), q AS (
  SELECT region_code, period_type, period, unit, any_value(total) AS total,
         MIN(bucket) FILTER (WHERE q = 0.5 AND cum >= k) AS median,
         MIN(bucket) FILTER (WHERE q = 0.9 AND cum >= k) AS p90
  FROM cum GROUP BY ALL
)
SELECT region_code, period_type, period,
       CASE unit WHEN 'workdays' THEN 'handling_days_median' ELSE 'handling_hours_median' END AS metric,
       CAST(NULL AS DOUBLE) AS numerator, total AS denominator, CAST(median AS DOUBLE) AS value
FROM q
UNION ALL
SELECT region_code, period_type, period,
       CASE unit WHEN 'workdays' THEN 'handling_days_p90' ELSE 'handling_hours_p90' END,
       NULL, total, CAST(p90 AS DOUBLE)
FROM q;
