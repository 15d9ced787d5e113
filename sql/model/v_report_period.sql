-- Statistical report figures (统计分析法) per region of any level and per period (month,
-- quarter, year): the base of the statistical indicators, which read it materialized as
-- mart_report_period. Reads only v_report_current, so a
-- restated report counts in its latest version. Counties are summed into cities and the
-- province through dim_region_rollup.
--
-- Periods: month, quarter, year, and 'ytd' (year to date through a month, named by the month:
-- its year's months up to it), so the year-to-date score reads a period's value by the same
-- definition as the year's; December's year to date is the year.
-- Flow figures (the month's amounts and counts) add up over the months of a period.
-- Stock figures (as at month end: people insured, retirees, fund balances, and last year's
-- wages, published once a year; dim_report_stock) do not: a quarter or year takes each county's latest
-- reported month in the period — the period's last month once reported, the latest month
-- so far for a period still running (year to date) — and a city sums its counties' stocks.
--   amount   closing stock for stock figures, the period's total for flow figures
--   total    sum over the period's reported months (for stocks: person-months)
--   monthly  average per reported month (each county's total over its months, summed)
-- Sums are DECIMAL (figures have at most 2 decimals), so they are exact in any order and a
-- re-run gives the same values to the last digit.
CREATE OR REPLACE VIEW v_report_period AS
WITH periods AS (
  SELECT day, period_type, period FROM dim_month_period
  UNION ALL
  SELECT m.day, 'ytd', t.period
  FROM dim_month_period m
  JOIN dim_month_period t ON t.period_type = 'month' AND year(t.day) = year(m.day) AND t.day >= m.day
  WHERE m.period_type = 'month'
), county AS (
  SELECT rc.region_code AS county_code, p.period_type, p.period, rc.metric AS figure,
         SUM(CAST(rc.value AS DECIMAL(18, 4))) AS total,
         arg_max(CAST(rc.value AS DECIMAL(18, 4)), rc.period_month) AS closing,
         COUNT(*) AS months
  FROM v_report_current rc
  JOIN periods p ON p.day = rc.period_month
  GROUP BY ALL
)
SELECT r.region_code, c.period_type, c.period, c.figure,
       SUM(CASE WHEN s.figure IS NULL THEN c.total ELSE c.closing END) AS amount,
       SUM(c.total) AS total,
       SUM(CAST(c.total / c.months AS DECIMAL(38, 6))) AS monthly
FROM county c
JOIN dim_region_rollup r ON r.county_code = c.county_code
LEFT JOIN dim_report_stock s ON s.figure = c.figure
GROUP BY ALL;
