-- Service indicators from network monitoring (网络监测法): cases and data uploads.
-- Every ratio exposes numerator and denominator; every region level and period type is
-- summed from county-day parts in agg_* (never an average of ratios), read through
-- mart_case_period (29_mart_case_period.sql) and v_case_duration_period (29_case_period.sql).
-- value = 100 * numerator / denominator for '%' metrics, numerator / denominator otherwise.

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

-- 网上办理率 (Appendix A 4.1.1 网上经办与查询, part b): cases accepted in the period through
-- the 网上 or 掌上 channel over all cases accepted in the period.
CREATE OR REPLACE VIEW v_online_rate AS
SELECT region_code, period_type, period, 'online_rate' AS metric,
       SUM(accepted_online) AS numerator, SUM(accepted) AS denominator
FROM mart_case_period GROUP BY ALL;

-- Mean handling time of cases completed in the period, in working days and in hours.
CREATE OR REPLACE VIEW v_handling_mean AS
SELECT region_code, period_type, period, 'handling_days_mean' AS metric,
       CAST(SUM(completed_workdays) AS DOUBLE) AS numerator, SUM(completed) AS denominator
FROM mart_case_period GROUP BY ALL
UNION ALL
SELECT region_code, period_type, period, 'handling_hours_mean',
       SUM(completed_seconds) / 3600.0, SUM(completed)
FROM mart_case_period GROUP BY ALL;

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

-- 数据上报及时率 (Appendix A 3.5.2 a): upload obligations whose deadline falls in the period
-- and has passed; numerator those uploaded no later than the deadline. A late upload
-- stays late; a missing upload counts as not on time.
CREATE OR REPLACE VIEW v_upload_timeliness AS
SELECT r.region_code, p.period_type, p.period, 'upload_timeliness' AS metric,
       COUNT(*) FILTER (WHERE u.uploaded_at IS NOT NULL AND u.uploaded_at <= u.due_at) AS numerator,
       COUNT(*) AS denominator
FROM raw_upload u
JOIN dim_region_rollup r ON r.county_code = u.region_code
JOIN dim_day_period p ON p.day = CAST(u.due_at AS DATE)
WHERE u.due_at <= as_of_ts()
  AND CAST(u.due_at AS DATE) >= coalesce(feed_covered_from('uploads'), DATE '1900-01-01')
GROUP BY ALL;
