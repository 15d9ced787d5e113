-- A table built at migrate from the seeds, like dim_calendar.
-- Each day belongs to one month, one quarter and one year.
CREATE OR REPLACE TABLE dim_day_period AS
SELECT c.day, p.period_type, p.period
FROM dim_calendar c
JOIN dim_period p ON c.day BETWEEN p.start_date AND p.end_date
ORDER BY c.day;
