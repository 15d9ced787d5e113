-- The working-day calendar's state (operations view, the 数据采集 page's warning): how far
-- the official calendar — the days covered by an imported State Council notice — reaches
-- from today (as_of_ts()) before the calendar turns provisional (holidays computed by the
-- 办法, 调休 unknown). official_end: the last day of the notice years running on from the
-- latest notice day up to today (NULL when no notice covers a day up to today);
-- days_left: official_end - today (negative once past); warn: it ends within 60 days or
-- has ended, so the notice for next_year should be imported; calendar_end: the last day
-- the calendar has at all; last_import_at: when a notice was last imported (NULL: only the
-- notices shipped in seeds/holidays.csv).
CREATE OR REPLACE VIEW v_calendar_status AS
WITH today AS (
  SELECT CAST(as_of_ts() AS DATE) AS today
), reached AS (
  SELECT max(c.day) AS day FROM dim_calendar c, today t WHERE c.source = 'notice' AND c.day <= t.today
), ends AS (
  SELECT t.today,
         CASE WHEN r.day IS NOT NULL
              THEN coalesce((SELECT min(c.day) FROM dim_calendar c WHERE c.source = 'provisional' AND c.day > r.day) - 1,
                            (SELECT max(day) FROM dim_calendar))
         END AS official_end
  FROM today t, reached r
)
SELECT today,
       official_end,
       CAST(official_end - today AS INTEGER) AS days_left,
       official_end IS NULL OR official_end - today <= 60 AS warn,
       CAST(coalesce(year(official_end) + 1, year(today)) AS INTEGER) AS next_year,
       (SELECT max(day) FROM dim_calendar) AS calendar_end,
       (SELECT max(imported_at) FROM raw_holiday_notice) AS last_import_at
FROM ends;
