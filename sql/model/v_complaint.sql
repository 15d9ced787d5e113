-- 投诉处理 (Appendix A 5.2.3) 投诉处理制度的建立、落实情况 — from the complaints feed
-- (raw_complaint: 12333 and other channels):
-- 投诉按期答复率 (complaint_answer_rate): complaints whose answer deadline (limit_days working
--   days after the day received, by dim_calendar: a 调休 weekend day counts, a holiday does not) falls in the period and has passed;
--   numerator those answered by the end of it (unanswered ones count as late).
-- 投诉办结率 (complaint_resolution_rate): complaints received in the period; numerator those
--   resolved so far.
-- 投诉满意率 (complaint_satisfaction_rate): complaints resolved in the period whose complainant
--   gave a verdict; numerator those satisfied.
-- Only complaints received since the feed's history starts count.
CREATE OR REPLACE VIEW v_complaint AS
WITH bounds AS (
  SELECT coalesce(feed_covered_from('complaints'), DATE '1900-01-01') AS seen_from, CAST(as_of_ts() AS DATE) AS today
), received AS (
  SELECT x.region_code, c.day AS received_day, due.day AS answer_due,
         CAST(x.answered_at AS DATE) AS answered_day,
         CAST(x.resolved_at AS DATE) AS resolved_day, x.satisfied
  FROM raw_complaint x
  CROSS JOIN bounds b
  JOIN dim_calendar c ON c.day = CAST(x.received_at AS DATE)
  JOIN dim_calendar due ON due.is_workday AND due.workday_seq = c.workday_seq + x.limit_days
  WHERE c.day >= b.seen_from AND x.received_at <= as_of_ts()
), parts AS (
  SELECT region_code, answer_due AS day, 'complaint_answer_rate' AS metric,
         CAST(coalesce(answered_day <= answer_due, FALSE) AS INTEGER) AS num
  FROM received, bounds WHERE answer_due < today
  UNION ALL
  SELECT region_code, received_day, 'complaint_resolution_rate', CAST(resolved_day IS NOT NULL AS INTEGER) FROM received
  UNION ALL
  SELECT region_code, resolved_day, 'complaint_satisfaction_rate', CAST(satisfied AS INTEGER)
  FROM received WHERE resolved_day IS NOT NULL AND satisfied IS NOT NULL
)
SELECT r.region_code, p.period_type, p.period, parts.metric, SUM(parts.num) AS numerator, COUNT(*) AS denominator
FROM parts
JOIN dim_region_rollup r ON r.county_code = parts.region_code
JOIN dim_day_period p ON p.day = parts.day
GROUP BY ALL;
