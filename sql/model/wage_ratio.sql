-- An amount per head and month over last year's average monthly wage of employees in post
-- (上年度在岗职工月平均工资) of the region, taken as the 统筹地: its counties' wage bill over
-- their average headcount, / 12, from the period's latest month (published once a year).
-- Numerator: the amount over the period (万元); denominator: head-months (heads at each
-- month's end, summed over the months) × that wage (万元).
CREATE OR REPLACE MACRO wage_ratio(metric_code, amount_figure, heads_figure) AS TABLE
SELECT region_code, period_type, period, metric_code AS metric,
       SUM(amount) FILTER (WHERE figure = amount_figure) AS numerator,
       CAST(SUM(total) FILTER (WHERE figure = heads_figure) AS DOUBLE)
         * CAST(SUM(amount) FILTER (WHERE figure = 'prev_year_wage_total') AS DOUBLE)
         / CAST(SUM(amount) FILTER (WHERE figure = 'prev_year_employees') AS DOUBLE) / 12 AS denominator
FROM mart_report_period
WHERE figure IN (amount_figure, heads_figure, 'prev_year_wage_total', 'prev_year_employees')
GROUP BY region_code, period_type, period
HAVING count(DISTINCT figure) = 4;
