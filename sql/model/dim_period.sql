-- A table built at migrate from the seeds, like dim_calendar.
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
