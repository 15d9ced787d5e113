-- Brings the case aggregates in line with the working-day calendar (reconcileCalendar in
-- warehouse/calendar.ts), after dim_calendar was rebuilt at a start: a notice imported or
-- the seeds edited move deadlines (due_day) and working days of handling. Runs before the
-- transaction of calendar-apply.sql, which writes what this computes, once the variable
-- calendar_from holds the first day whose is_workday changed.

-- A case's measures change only on days from then on (its due day, its completion), so the
-- aggregates are recomputed from raw_case from that day's month (a folded month is dated
-- its first day), folded as the collectors fold them.
SET VARIABLE recompute_from = CAST(date_trunc('month', getvariable('calendar_from')) AS DATE);
SET VARIABLE fold_before = case_day_fold_before();

CREATE OR REPLACE TEMP TABLE calendar_case_day AS
SELECT * FROM case_day_measures_folded('v_case', getvariable('fold_before'))
WHERE day >= getvariable('recompute_from');

CREATE OR REPLACE TEMP TABLE calendar_case_duration AS
SELECT * FROM case_duration_measures('v_case') WHERE day >= getvariable('recompute_from');

SET VARIABLE aggregates_changed = EXISTS (
  (FROM agg_case_day WHERE day >= getvariable('recompute_from') EXCEPT ALL FROM calendar_case_day)
  UNION ALL (FROM calendar_case_day EXCEPT ALL FROM agg_case_day WHERE day >= getvariable('recompute_from'))
) OR EXISTS (
  (FROM agg_case_duration_month WHERE day >= getvariable('recompute_from') EXCEPT ALL FROM calendar_case_duration)
  UNION ALL (FROM calendar_case_duration EXCEPT ALL FROM agg_case_duration_month WHERE day >= getvariable('recompute_from'))
);
