-- Which alert rules (cfg_alert_rule, from config) fire now, one row per rule × region ×
-- month, over alert_months(lookback). The alert monitor
-- stores these in ops_alert (new ones inserted, gone ones resolved).
--   below / above:   the month's value of the metric is under / over the threshold
--                    (e.g. 限时办结率 below 95 %).
--   drop:            the metric worsened month on month (环比) by more than the threshold,
--                    in its unit (percentage points for rates); a rise counts for metrics
--                    where lower is better.
--   upload_overdue:  数据上报 obligations of the month still not uploaded more than the
--                    threshold in days after their deadline (Appendix A 3.5.2).
CREATE OR REPLACE MACRO alert_firing(lookback) AS TABLE
WITH recent AS (
  SELECT period FROM alert_months(lookback)
), level_rules AS (
  SELECT k.*, mt.name AS metric_name, mt.unit, mt.higher_is_better
  FROM cfg_alert_rule k LEFT JOIN dim_metric mt ON mt.code = k.metric
), threshold_hits AS (
  SELECT k.rule_id, m.region_code, m.period, m.value, k.threshold,
         format('{}{}{}为{}{}，{}阈值{}{}', r.name, m.period, k.metric_name, round(m.value, 1), k.unit,
                CASE k.kind WHEN 'below' THEN '低于' ELSE '高于' END, k.threshold, k.unit) AS message
  FROM level_rules k
  JOIN mart_metric_value m ON m.metric = k.metric AND m.period_type = 'month'
  JOIN recent USING (period)
  JOIN dim_region r ON r.code = m.region_code AND list_contains(k.levels, r.level)
  WHERE k.kind IN ('below', 'above') AND coalesce(m.denominator, 0) >= k.min_denominator
    AND ((k.kind = 'below' AND m.value < k.threshold) OR (k.kind = 'above' AND m.value > k.threshold))
), drop_hits AS (
  SELECT k.rule_id, v.region_code, v.period, v.mom_change AS value, k.threshold,
         format('{}{}{}环比{}{}{}，由{}{}变为{}{}', r.name, v.period, k.metric_name,
                CASE WHEN v.mom_change < 0 THEN '下降' ELSE '上升' END, round(abs(v.mom_change), 1),
                CASE k.unit WHEN '%' THEN '个百分点' ELSE k.unit END,
                round(v.prev_value, 1), k.unit, round(v.value, 1), k.unit) AS message
  FROM level_rules k
  JOIN mart_compare_vertical v ON v.metric = k.metric AND v.period_type = 'month'
  JOIN recent USING (period)
  JOIN dim_region r ON r.code = v.region_code AND list_contains(k.levels, r.level)
  WHERE k.kind = 'drop' AND coalesce(v.denominator, 0) >= k.min_denominator
    AND (CASE WHEN k.higher_is_better THEN -v.mom_change ELSE v.mom_change END) > k.threshold
), upload_hits AS (
  SELECT k.rule_id, ru.region_code, strftime(u.period_month, '%Y-%m') AS period,
         CAST(max(date_diff('day', u.due_at, as_of_ts())) AS DOUBLE) AS value, k.threshold,
         format('{}{}有{}项数据未上报，最长逾期{}天（阈值{}天）', any_value(r.name), strftime(u.period_month, '%Y-%m'),
                count(*), max(date_diff('day', u.due_at, as_of_ts())), k.threshold) AS message
  FROM level_rules k
  JOIN raw_upload u ON u.uploaded_at IS NULL AND date_diff('day', u.due_at, as_of_ts()) > k.threshold
  JOIN recent ON recent.period = strftime(u.period_month, '%Y-%m')
  JOIN dim_region_rollup ru ON ru.county_code = u.region_code
  JOIN dim_region r ON r.code = ru.region_code AND list_contains(k.levels, r.level)
  WHERE k.kind = 'upload_overdue'
  GROUP BY k.rule_id, ru.region_code, u.period_month, k.threshold
)
SELECT * FROM threshold_hits
UNION ALL SELECT * FROM drop_hits
UNION ALL SELECT * FROM upload_hits;
