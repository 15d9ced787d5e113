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
