-- Case measures per region (any level) and period, from the collectors' additive
-- aggregates: the base of the service indicators (30_indicators_service.sql,
-- 36_indicators_business.sql). The case measures are read materialized
-- (29_mart_case_period.sql) so the rollup and period joins run once per refresh rather
-- than once per indicator.

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

-- Handling-time histogram of the months the case feed has fully seen (agg_case_duration_month
-- is per county and completion month), the base of the median and P90 in v_handling_quantiles.
CREATE OR REPLACE VIEW v_case_duration_seen AS
SELECT * FROM agg_case_duration_month
WHERE day >= coalesce(feed_covered_from('cases'), DATE '1900-01-01');

-- The same histogram per region of any level and period in blocks of 64 buckets (counties
-- summed into cities and the province through dim_region_rollup): v_handling_quantiles finds
-- the block holding a quantile here, then reads the exact buckets of that block only, so
-- the rollup of every whole-hour bucket (millions of rows) is never built.
CREATE OR REPLACE MACRO duration_block(bucket) AS CAST(floor(bucket / 64.0) AS INTEGER);

CREATE OR REPLACE VIEW v_case_duration_block AS
WITH county AS (
  SELECT region_code, day, unit, duration_block(bucket) AS block, SUM(cases) AS cases
  FROM v_case_duration_seen GROUP BY ALL
)
SELECT r.region_code, p.period_type, p.period, c.unit, c.block, SUM(c.cases) AS cases
FROM county c
JOIN dim_region_rollup r ON r.county_code = c.region_code
JOIN dim_month_period p ON p.day = c.day
GROUP BY ALL;
