-- Built at migrate as a table, not a view: it depends only on the seeds (reloaded at every
-- start) and every indicator joins it.
-- Working-day calendar. is_workday follows the Mon–Fri week corrected by dim_holiday
-- (statutory holidays off, 调休 weekends worked). workday_seq counts working days up to
-- and including the day, so "working days between a and b" is seq(b) - seq(a).
CREATE OR REPLACE TABLE dim_calendar AS
WITH days AS (
  SELECT CAST(d AS DATE) AS day
  FROM generate_series(DATE '2018-01-01', DATE '2035-12-31', INTERVAL 1 DAY) AS t(d)
), flagged AS (
  SELECT days.day,
         CASE h.kind WHEN 'holiday' THEN FALSE WHEN 'workday' THEN TRUE
                     ELSE isodow(days.day) <= 5 END AS is_workday
  FROM days LEFT JOIN dim_holiday h ON h.day = days.day
)
SELECT day, is_workday,
       CAST(SUM(CAST(is_workday AS INTEGER)) OVER (ORDER BY day) AS INTEGER) AS workday_seq
FROM flagged;
