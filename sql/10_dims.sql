-- Dimensions derived from the seeds: working-day calendar, periods, region rollup.
-- Tables built once at migrate (they depend only on the seeds, reloaded at every start),
-- not views: every indicator joins them, and re-deriving the period range join and the
-- recursive rollup on each use was most of the marts' refresh.

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

-- Every reporting period with its neighbours for vertical comparison:
-- prev_period = 环比 (previous period of the same type), yoy_period = 同比 (same period a year earlier),
-- ord = position on a timeline, so trailing windows are ord ranges.
CREATE OR REPLACE TABLE dim_period AS
WITH months AS (
  SELECT DISTINCT date_trunc('month', day) AS start_date FROM dim_calendar
)
SELECT 'month' AS period_type, strftime(start_date, '%Y-%m') AS period,
       CAST(start_date AS DATE) AS start_date,
       CAST(start_date + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS end_date,
       strftime(start_date - INTERVAL 1 MONTH, '%Y-%m') AS prev_period,
       strftime(start_date - INTERVAL 1 YEAR, '%Y-%m') AS yoy_period,
       year(start_date) * 12 + month(start_date) - 1 AS ord
FROM months
UNION ALL
SELECT 'quarter', format('{}-Q{}', year(start_date), quarter(start_date)),
       CAST(start_date AS DATE),
       CAST(start_date + INTERVAL 3 MONTH - INTERVAL 1 DAY AS DATE),
       format('{}-Q{}', year(start_date - INTERVAL 3 MONTH), quarter(start_date - INTERVAL 3 MONTH)),
       format('{}-Q{}', year(start_date) - 1, quarter(start_date)),
       year(start_date) * 4 + quarter(start_date) - 1
FROM months WHERE month(start_date) IN (1, 4, 7, 10)
UNION ALL
SELECT 'year', CAST(year(start_date) AS VARCHAR),
       CAST(start_date AS DATE),
       CAST(start_date + INTERVAL 1 YEAR - INTERVAL 1 DAY AS DATE),
       CAST(year(start_date) - 1 AS VARCHAR),
       CAST(year(start_date) - 1 AS VARCHAR),
       year(start_date)
FROM months WHERE month(start_date) = 1;

-- Each day belongs to one month, one quarter and one year.
CREATE OR REPLACE TABLE dim_day_period AS
SELECT c.day, p.period_type, p.period
FROM dim_calendar c
JOIN dim_period p ON c.day BETWEEN p.start_date AND p.end_date
ORDER BY c.day;

-- The periods of each month, keyed by the month's first day: for tables kept per month
-- (agg_case_duration_month), so a join does not fan out over every day of a period.
CREATE OR REPLACE TABLE dim_month_period AS
SELECT * FROM dim_day_period WHERE day(day) = 1 ORDER BY day;

-- Rollup bridge: every region paired with each county below it (a county with itself).
-- City and province figures are sums over their counties' additive parts.
CREATE OR REPLACE TABLE dim_region_rollup AS
WITH RECURSIVE tree(region_code, county_code, code) AS (
  SELECT code, code, code FROM dim_region
  UNION ALL
  SELECT t.region_code, r.code, r.code
  FROM tree t JOIN dim_region r ON r.parent_code = t.code
)
SELECT t.region_code, t.county_code
FROM tree t JOIN dim_region r ON r.code = t.county_code
WHERE r.level = 'county';

-- The moment indicators are evaluated at: a case or upload counts as due once its
-- deadline has passed. Timestamps are stored as China Standard Time wall-clock values.
CREATE OR REPLACE MACRO as_of_ts() AS CAST(timezone('Asia/Shanghai', now()) AS TIMESTAMP);

-- Where a feed's history starts: the earliest cursor any of its runs started from. Records
-- changed before it were never collected, so periods before it are incomplete and are not
-- judged (a case accepted in September and completed in October arrives; one completed in
-- September does not). NULL (no runs, e.g. data loaded directly) means no limit.
CREATE OR REPLACE MACRO feed_covered_from(feed_name) AS (
  SELECT CAST(timezone('Asia/Shanghai', TRY_CAST(split_part(min(watermark_from), '|', 1) AS TIMESTAMPTZ)) AS DATE)
  FROM ops_run WHERE feed = feed_name AND watermark_from IS NOT NULL
);

-- The periods a refresh recomputes (sql/07_refresh.sql): those ending on or after the day in
-- the variable refresh_from, i.e. from its month, quarter and year on ('ytd' periods are
-- named by their month). Each mart file deletes and re-inserts exactly these rows. A plain
-- comparison with constants, so it is pushed down to the period dimension and the views
-- read only the days of those periods.
CREATE OR REPLACE MACRO refresh_from() AS CAST(getvariable('refresh_from') AS DATE);
CREATE OR REPLACE MACRO in_refresh(period_type, period) AS
  period >= CASE period_type
              WHEN 'year' THEN strftime(refresh_from(), '%Y')
              WHEN 'quarter' THEN strftime(refresh_from(), '%Y') || '-Q' || quarter(refresh_from())
              ELSE strftime(refresh_from(), '%Y-%m')
            END;

-- The feeds' coverage the marts depend on (ops_refresh.coverage).
CREATE OR REPLACE MACRO refresh_coverage() AS
  coalesce(CAST(feed_covered_from('cases') AS VARCHAR), '-') || ' ' || coalesce(CAST(feed_covered_from('uploads') AS VARCHAR), '-');
