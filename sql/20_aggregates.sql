-- Per-case derivations and the additive measures the collectors keep in agg_* tables.
-- The macros take a table name so the same logic serves the whole raw_case table (full
-- recompute, audits) and a collector's staged batch (incremental maintenance).

-- One row per case with its working-day facts.
--   handling_workdays: working days after the acceptance day up to and including the
--                      completion day (same-day completion = 0).
--   due_day:           the limit_days-th working day after the acceptance day.
--   on_time:           completed no later than due_day; NULL while open.
CREATE OR REPLACE MACRO case_facts(src) AS TABLE
SELECT c.case_id, c.region_code, c.item, c.channel, c.accepted_at, c.completed_at, c.limit_days,
       ca.day AS accepted_day,
       cc.day AS completed_day,
       due.day AS due_day,
       ch.is_online,
       cc.workday_seq - ca.workday_seq AS handling_workdays,
       date_diff('second', c.accepted_at, c.completed_at) AS handling_seconds,
       date_diff('second', c.accepted_at, c.completed_at) / 3600.0 AS handling_hours,
       cc.day <= due.day AS on_time
FROM query_table(src) c
JOIN dim_calendar ca ON ca.day = CAST(c.accepted_at AS DATE)
LEFT JOIN dim_calendar cc ON cc.day = CAST(c.completed_at AS DATE)
JOIN dim_calendar due ON due.workday_seq = ca.workday_seq + c.limit_days AND due.is_workday
JOIN dim_channel ch ON ch.code = c.channel;

-- The measure macros take the name of a relation with case_facts' columns: v_case for a
-- full recompute from raw_case, a batch's materialized facts for incremental maintenance
-- (so the calendar joins run once per batch, not once per measure).

-- Each case's contribution to agg_case_day, each measure on its own day.
CREATE OR REPLACE MACRO case_day_measures(facts) AS TABLE
SELECT region_code, day, item,
       SUM(accepted) AS accepted, SUM(accepted_online) AS accepted_online,
       SUM(due) AS due, SUM(due_on_time) AS due_on_time,
       SUM(completed) AS completed, SUM(completed_seconds) AS completed_seconds,
       SUM(completed_workdays) AS completed_workdays
FROM (
  SELECT region_code, accepted_day AS day, item,
         1 AS accepted, CAST(is_online AS INTEGER) AS accepted_online,
         0 AS due, 0 AS due_on_time, 0 AS completed, 0 AS completed_seconds, 0 AS completed_workdays
  FROM query_table(facts)
  UNION ALL
  SELECT region_code, due_day, item, 0, 0, 1, CAST(coalesce(on_time, FALSE) AS INTEGER), 0, 0, 0
  FROM query_table(facts)
  UNION ALL
  SELECT region_code, completed_day, item, 0, 0, 0, 0, 1, handling_seconds, handling_workdays
  FROM query_table(facts) WHERE completed_day IS NOT NULL
)
GROUP BY ALL;

-- agg_case_day keeps the days before this one folded per month (see the folding step of
-- sql/maintenance/apply_case_batch.sql): the earlier of this month and the month before
-- the latest data.
CREATE OR REPLACE MACRO case_day_fold_before() AS (
  SELECT least(date_trunc('month', CAST(as_of_ts() AS DATE)), date_trunc('month', max(day)) - INTERVAL 1 MONTH)
  FROM agg_case_day);

-- case_day_measures with the days before `before` folded into their month's first day:
-- what agg_case_day holds (for audits and tests of the incremental maintenance).
CREATE OR REPLACE MACRO case_day_measures_folded(facts, before) AS TABLE
SELECT region_code, CASE WHEN day < before THEN CAST(date_trunc('month', day) AS DATE) ELSE day END AS day, item,
       SUM(accepted) AS accepted, SUM(accepted_online) AS accepted_online,
       SUM(due) AS due, SUM(due_on_time) AS due_on_time,
       SUM(completed) AS completed, SUM(completed_seconds) AS completed_seconds,
       SUM(completed_workdays) AS completed_workdays
FROM case_day_measures(facts)
GROUP BY ALL;

-- Handling-time histogram of completed cases, per completion month (agg_case_duration_month).
CREATE OR REPLACE MACRO case_duration_measures(facts) AS TABLE
SELECT region_code, CAST(date_trunc('month', completed_day) AS DATE) AS day, unit, bucket, COUNT(*) AS cases
FROM (
  SELECT region_code, completed_day, 'workdays' AS unit, handling_workdays AS bucket
  FROM query_table(facts) WHERE completed_day IS NOT NULL
  UNION ALL
  SELECT region_code, completed_day, 'hours', CAST(floor(handling_hours) AS INTEGER)
  FROM query_table(facts) WHERE completed_day IS NOT NULL
)
GROUP BY ALL;

-- Analyst-facing: every case with its derived facts.
CREATE OR REPLACE VIEW v_case AS SELECT * FROM case_facts('raw_case');

