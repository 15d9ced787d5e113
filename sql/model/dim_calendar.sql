-- Built at migrate as a table, not a view: it depends only on the seeds and the imported
-- notices (reloaded at every start) and every indicator joins it.
-- Working-day calendar. is_workday follows the Mon–Fri week corrected by dim_holiday
-- (statutory holidays off, 调休 weekends worked). workday_seq counts working days up to
-- and including the day, so "working days between a and b" is seq(b) - seq(a).
-- It covers the years dim_holiday has (warehouse/calendar.ts: 2018–2035 and any later
-- notice); source is that of the day's year: notice, or provisional while the State
-- Council's notice for the year is not imported (its holidays computed by the 办法).
CREATE OR REPLACE TABLE dim_calendar AS
WITH years AS (
  SELECT year, any_value(source) AS source FROM dim_holiday GROUP BY year
), days AS (
  SELECT CAST(unnest(generate_series(make_date(min(year), 1, 1), make_date(max(year), 12, 31), INTERVAL 1 DAY)) AS DATE) AS day
  FROM years
), flagged AS (
  SELECT days.day,
         CASE h.kind WHEN 'holiday' THEN FALSE WHEN 'workday' THEN TRUE
                     ELSE isodow(days.day) <= 5 END AS is_workday,
         y.source
  FROM days
  LEFT JOIN dim_holiday h ON h.day = days.day
  LEFT JOIN years y ON y.year = year(days.day)
)
SELECT day, is_workday,
       CAST(SUM(CAST(is_workday AS INTEGER)) OVER (ORDER BY day) AS INTEGER) AS workday_seq,
       source
FROM flagged
ORDER BY day;
