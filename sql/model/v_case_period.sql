-- The base of the case indicators (v_on_time_rate, v_online_rate, v_handling_mean,
-- v_transfer), which read it materialized as mart_case_period: the rollup and period joins
-- run once per refresh rather than once per indicator.
-- Additive case measures per region (any level), period and service item.
-- Only days the case feed has fully seen count: acceptance and completion from the day its
-- history starts; deadlines from the day by which every case due was accepted inside that
-- history (start + the longest statutory limit in working days); and deadlines only once
-- passed (cases not yet due are not judged).
CREATE OR REPLACE VIEW v_case_period AS
WITH bounds AS (
  SELECT coalesce(feed_covered_from('cases'), DATE '1900-01-01') AS seen_from,
         coalesce((SELECT due.day FROM dim_calendar c
                   JOIN dim_calendar due ON due.workday_seq = c.workday_seq + (SELECT max(limit_days) FROM dim_service_item)
                                        AND due.is_workday
                   WHERE c.day = feed_covered_from('cases')), DATE '1900-01-01') AS due_seen_from,
         CAST(as_of_ts() AS DATE) AS today
)
SELECT r.region_code, p.period_type, p.period, a.item,
       SUM(a.accepted) AS accepted,
       SUM(a.accepted_online) AS accepted_online,
       SUM(CASE WHEN a.day < b.today AND a.day >= b.due_seen_from THEN a.due ELSE 0 END) AS due,
       SUM(CASE WHEN a.day < b.today AND a.day >= b.due_seen_from THEN a.due_on_time ELSE 0 END) AS due_on_time,
       SUM(a.completed) AS completed,
       SUM(a.completed_seconds) AS completed_seconds,
       SUM(a.completed_workdays) AS completed_workdays
FROM agg_case_day a
CROSS JOIN bounds b
JOIN dim_region_rollup r ON r.county_code = a.region_code
JOIN dim_day_period p ON p.day = a.day
WHERE a.day <= b.today AND a.day >= b.seen_from
GROUP BY ALL;
