-- A table built at migrate from the seeds, like dim_calendar.
-- The periods of each month, keyed by the month's first day: for tables kept per month
-- (agg_case_duration_month), so a join does not fan out over every day of a period.
CREATE OR REPLACE TABLE dim_month_period AS
SELECT * FROM dim_day_period WHERE day(day) = 1 ORDER BY day;
