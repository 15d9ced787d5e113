-- Takes a table name, so the same logic serves raw_case (full recompute, audits) and a
-- collector's staged batch (incremental maintenance of the agg_* tables).
-- One row per case with its working-day facts.
--   handling_workdays: working days after the acceptance day up to and including the
--                      completion day (same-day completion = 0).
--   due_day:           the limit_days-th working day after the acceptance day.
--   on_time:           completed no later than due_day; NULL while open.
--   outcome:           how an ended case ended (completed 办结 | withdrawn 撤回 | rejected
--                      不予受理/退回), NULL while open; a case stored without one (before
--                      outcomes were collected) ended completed. The case measures other
--                      than 业务办结率 count every ended case, whatever its outcome.
CREATE OR REPLACE MACRO case_facts(src) AS TABLE
SELECT c.case_id, c.region_code, c.item, c.channel, c.accepted_at, c.completed_at, c.limit_days,
       ca.day AS accepted_day,
       cc.day AS completed_day,
       due.day AS due_day,
       ch.is_online,
       cc.workday_seq - ca.workday_seq AS handling_workdays,
       date_diff('second', c.accepted_at, c.completed_at) AS handling_seconds,
       date_diff('second', c.accepted_at, c.completed_at) / 3600.0 AS handling_hours,
       cc.day <= due.day AS on_time,
       CASE WHEN c.completed_at IS NOT NULL THEN coalesce(c.outcome, 'completed') END AS outcome
FROM query_table(src) c
JOIN dim_calendar ca ON ca.day = CAST(c.accepted_at AS DATE)
LEFT JOIN dim_calendar cc ON cc.day = CAST(c.completed_at AS DATE)
JOIN dim_calendar due ON due.workday_seq = ca.workday_seq + c.limit_days AND due.is_workday
JOIN dim_channel ch ON ch.code = c.channel;
