-- 服务质量评价 (Appendix A 5.2.2): 通过"好差评"等方式开展服务评价，评价结果应用于改进服务. From the
-- 好差评 feed (raw_rating), by the rules of dim_rating_rule (seeds/rating-rules.csv):
-- 评价率 (rating_rate): cases completed in the period that were rated; numerator rated cases
--   (by their case's completion day), denominator cases completed (mart_case_period).
-- 好评率 (good_rating_rate): ratings given in the period; numerator 非常满意 and 满意, and
--   基本满意 when the rule counts it as good.
-- 差评整改率 (bad_rectified_rate): 差评 (不满意, 非常不满意) whose rectification deadline —
--   rectify_days working days after the rating day, by dim_calendar (调休 weekends are working
--   days, holidays are not) — falls in the period and has passed; numerator those rectified
--   by the end of it (unrectified ones count as late).
-- 实名差评回访率 (named_bad_visit_rate): named 差评 whose visit deadline (visit_days working
--   days after the rating day) falls in the period and has passed; numerator those visited
--   back by it. Anonymous ratings cannot be visited back and are not counted.
-- Only ratings given since the feed's history starts count, and 评价率 only for periods that
-- start inside it.
CREATE OR REPLACE VIEW v_rating AS
WITH bounds AS (
  SELECT coalesce(feed_covered_from('ratings'), DATE '1900-01-01') AS seen_from, CAST(as_of_ts() AS DATE) AS today
), rated AS (
  SELECT x.region_code, x.named,
         CAST(x.completed_at AS DATE) AS completed_day, CAST(x.rated_at AS DATE) AS rated_day,
         x.grade IN ('不满意', '非常不满意') AS bad,
         x.grade IN ('非常满意', '满意') OR (x.grade = '基本满意' AND rule.basic_counts_as_good) AS good,
         CAST(x.visited_at AS DATE) AS visited_day, CAST(x.rectified_at AS DATE) AS rectified_day,
         visit_due.day AS visit_due, rectify_due.day AS rectify_due
  FROM raw_rating x
  CROSS JOIN dim_rating_rule rule
  CROSS JOIN bounds b
  JOIN dim_calendar c ON c.day = CAST(x.rated_at AS DATE)
  JOIN dim_calendar visit_due ON visit_due.is_workday AND visit_due.workday_seq = c.workday_seq + rule.visit_days
  JOIN dim_calendar rectify_due ON rectify_due.is_workday AND rectify_due.workday_seq = c.workday_seq + rule.rectify_days
  WHERE c.day >= b.seen_from AND x.rated_at <= as_of_ts()
), parts AS (
  SELECT region_code, completed_day AS day, 'rating_rate' AS metric, 1 AS num, 0 AS den FROM rated
  UNION ALL
  SELECT region_code, rated_day, 'good_rating_rate', CAST(good AS INTEGER), 1 FROM rated
  UNION ALL
  SELECT region_code, rectify_due, 'bad_rectified_rate', CAST(coalesce(rectified_day <= rectify_due, FALSE) AS INTEGER), 1
  FROM rated, bounds WHERE bad AND rectify_due < today
  UNION ALL
  SELECT region_code, visit_due, 'named_bad_visit_rate', CAST(coalesce(visited_day <= visit_due, FALSE) AS INTEGER), 1
  FROM rated, bounds WHERE bad AND named AND visit_due < today
), rolled AS (
  SELECT r.region_code, p.period_type, p.period, parts.metric, SUM(parts.num) AS numerator, SUM(parts.den) AS denominator
  FROM parts
  JOIN dim_region_rollup r ON r.county_code = parts.region_code
  JOIN dim_day_period p ON p.day = parts.day
  GROUP BY ALL
), completed AS (
  SELECT region_code, period_type, period, SUM(completed) AS completed FROM mart_case_period GROUP BY ALL
)
SELECT region_code, period_type, period, metric, numerator, denominator FROM rolled WHERE metric <> 'rating_rate'
UNION ALL
SELECT c.region_code, c.period_type, c.period, 'rating_rate', coalesce(n.numerator, 0), c.completed
FROM completed c
JOIN dim_period dp ON dp.period_type = c.period_type AND dp.period = c.period
CROSS JOIN bounds b
LEFT JOIN rolled n ON n.metric = 'rating_rate' AND n.region_code = c.region_code
                  AND n.period_type = c.period_type AND n.period = c.period
WHERE dp.start_date >= b.seen_from;
