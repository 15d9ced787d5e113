-- 纵横比较法, vertical comparison: a region against its own past.
-- Vertical: 环比 (previous period of the same type), 同比 (same period a year earlier) and,
-- for months, the trailing 12 months ending with the period, re-divided from summed
-- numerators and denominators. Changes are in the metric's unit (percentage points for %);
-- mom_improvement and yoy_improvement are the changes by the metric's direction (> 0 better).
-- Completeness (v_period_completeness, by the metric's feed): complete and coverage of the
-- period itself, prev_complete and yoy_complete of the base periods, trailing_complete when
-- all 12 months of the window are. A comparison whose base period is incomplete (a 2024-Q4
-- base holding December only) is flagged and has no improvement, so it is not coloured as
-- better or worse.
CREATE OR REPLACE VIEW v_compare_vertical AS
SELECT m.region_code, m.period_type, m.period, m.metric, m.numerator, m.denominator, m.value,
       prev.value AS prev_value,
       m.value - prev.value AS mom_change,
       CASE WHEN coalesce(pc.complete, TRUE) THEN improvement(m.value - prev.value, mt.higher_is_better) END AS mom_improvement,
       yoy.value AS yoy_value,
       m.value - yoy.value AS yoy_change,
       CASE WHEN coalesce(yc.complete, TRUE) THEN improvement(m.value - yoy.value, mt.higher_is_better) END AS yoy_improvement,
       CASE WHEN m.period_type = 'month' AND m.numerator IS NOT NULL THEN (
         -- Summed in period order: the same last digit however the mart's rows are stored.
         SELECT (CASE mt.unit WHEN '%' THEN 100.0 ELSE 1.0 END) * SUM(t.numerator ORDER BY t.period) / nullif(SUM(t.denominator ORDER BY t.period), 0)
         FROM mart_metric_value t JOIN dim_period tp ON tp.period_type = t.period_type AND tp.period = t.period
         WHERE t.region_code = m.region_code AND t.metric = m.metric AND t.period_type = 'month'
           AND tp.ord BETWEEN p.ord - 11 AND p.ord)
       END AS trailing_12m,
       coalesce(c.complete, TRUE) AS complete, coalesce(c.coverage, 1.0) AS coverage,
       coalesce(pc.complete, TRUE) AS prev_complete, coalesce(yc.complete, TRUE) AS yoy_complete,
       CASE WHEN m.period_type = 'month' THEN NOT EXISTS (
         SELECT 1 FROM v_period_completeness tc JOIN dim_period tp ON tp.period_type = 'month' AND tp.period = tc.period
         WHERE tc.region_code = m.region_code AND tc.period_type = 'month' AND tc.feed = mt.feed
           AND tp.ord BETWEEN p.ord - 11 AND p.ord AND NOT tc.complete)
       END AS trailing_complete
FROM mart_metric_value m
JOIN dim_metric mt ON mt.code = m.metric
JOIN dim_period p ON p.period_type = m.period_type AND p.period = m.period
LEFT JOIN mart_metric_value prev
  ON prev.region_code = m.region_code AND prev.metric = m.metric
 AND prev.period_type = m.period_type AND prev.period = p.prev_period
LEFT JOIN mart_metric_value yoy
  ON yoy.region_code = m.region_code AND yoy.metric = m.metric
 AND yoy.period_type = m.period_type AND yoy.period = p.yoy_period
LEFT JOIN v_period_completeness c
  ON c.region_code = m.region_code AND c.period_type = m.period_type AND c.period = m.period AND c.feed = mt.feed
LEFT JOIN v_period_completeness pc
  ON pc.region_code = m.region_code AND pc.period_type = m.period_type AND pc.period = p.prev_period AND pc.feed = mt.feed
LEFT JOIN v_period_completeness yc
  ON yc.region_code = m.region_code AND yc.period_type = m.period_type AND yc.period = p.yoy_period AND yc.feed = mt.feed;
