-- Completeness as data (as DHIS2 counts expected, actual and on-time reports): for every region,
-- period and feed, what was expected and what arrived.
--   reports:        county-months. Each county (or development zone) under the region owes one
--                   monthly statistical report per month of the period (a quarter 3, a year 12,
--                   'ytd' through a month its months up to it); arrived: the county-months
--                   with any current figure.
--   cases, uploads, ratings, complaints: days. Expected: the period's days; arrived: the days collected, from the
--                   feed's history start (feed_covered_from; no limit for data loaded directly)
--                   through yesterday (today is still being collected).
-- coverage = arrived / expected; complete = everything expected has arrived. Periods: those of
-- the last six years that have begun (as_of_ts).
CREATE OR REPLACE VIEW v_period_completeness AS
WITH today AS (
  SELECT CAST(as_of_ts() AS DATE) AS day
), periods AS (
  SELECT p.period_type, p.period, p.start_date, p.end_date
  FROM dim_period p, today
  WHERE p.start_date <= today.day AND year(p.start_date) >= year(today.day) - 5
  UNION ALL
  SELECT 'ytd', p.period, make_date(year(p.start_date), 1, 1), p.end_date
  FROM dim_period p, today
  WHERE p.period_type = 'month' AND p.start_date <= today.day AND year(p.start_date) >= year(today.day) - 5
), counties AS (
  SELECT region_code, count(*) AS n FROM dim_region_rollup GROUP BY region_code
), reported AS (
  SELECT r.region_code, p.period_type, p.period, count(*) AS arrived
  FROM (SELECT DISTINCT region_code, period_month FROM v_report_current) rc
  JOIN periods p ON rc.period_month BETWEEN p.start_date AND p.end_date
  JOIN dim_region_rollup r ON r.county_code = rc.region_code
  GROUP BY ALL
), covered AS (
  SELECT feed, coalesce(feed_covered_from(feed), DATE '1900-01-01') AS from_day
  FROM (VALUES ('cases'), ('uploads'), ('ratings'), ('complaints')) f(feed)
), counted AS (
  SELECT c.region_code, p.period_type, p.period, 'reports' AS feed,
         c.n * (date_diff('month', p.start_date, p.end_date) + 1) AS expected,
         coalesce(r.arrived, 0) AS arrived
  FROM counties c CROSS JOIN periods p
  LEFT JOIN reported r ON r.region_code = c.region_code AND r.period_type = p.period_type AND r.period = p.period
  UNION ALL
  SELECT c.region_code, p.period_type, p.period, f.feed,
         date_diff('day', p.start_date, p.end_date) + 1,
         greatest(0, date_diff('day', greatest(p.start_date, f.from_day), least(p.end_date, today.day - 1)) + 1)
  FROM counties c CROSS JOIN periods p CROSS JOIN covered f CROSS JOIN today
)
SELECT region_code, period_type, period, feed, expected, arrived,
       CAST(arrived AS DOUBLE) / expected AS coverage, arrived >= expected AS complete
FROM counted;
