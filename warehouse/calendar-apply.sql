-- Writes what calendar-reconcile.sql computed, in one transaction (reconcileCalendar in
-- warehouse/calendar.ts runs it only when the calendar changed).

DELETE FROM agg_case_day WHERE day >= getvariable('recompute_from');
INSERT INTO agg_case_day FROM calendar_case_day ORDER BY day;
DELETE FROM agg_case_duration_month WHERE day >= getvariable('recompute_from');
INSERT INTO agg_case_duration_month FROM calendar_case_duration ORDER BY day;

-- Every period from the first changed day on must be recomputed (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, getvariable('calendar_from')),
  scores_from = least(scores_from, getvariable('calendar_from'))
WHERE getvariable('aggregates_changed');

DELETE FROM ops_calendar;
INSERT INTO ops_calendar SELECT day, is_workday FROM dim_calendar;
