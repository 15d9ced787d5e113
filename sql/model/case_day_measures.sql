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
