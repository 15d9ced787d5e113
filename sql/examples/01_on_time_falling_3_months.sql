-- 限时办结率连续三个月下降的县（区）
-- 限时办结率（on_time_rate，附录A 2.1.2）在连续四个月中环比连降三次的县（区）：
-- rate(m-3) > rate(m-2) > rate(m-1) > rate(m)，月份须连续。每个县（区）与连降结束的月份 m 一行，最新在前。
WITH monthly AS (
  SELECT v.region_code, v.period, v.value, p.ord
  FROM mart_metric_value v
  JOIN dim_period p ON p.period_type = v.period_type AND p.period = v.period
  JOIN dim_region r ON r.code = v.region_code
  WHERE v.metric = 'on_time_rate' AND v.period_type = 'month' AND r.level = 'county' AND v.value IS NOT NULL
)
SELECT county.code AS region_code, county.name AS county, city.name AS city, m0.period AS last_month,
       round(m3.value, 1) AS rate_m3, round(m2.value, 1) AS rate_m2, round(m1.value, 1) AS rate_m1,
       round(m0.value, 1) AS rate_m0
FROM monthly m0
JOIN monthly m1 ON m1.region_code = m0.region_code AND m1.ord = m0.ord - 1
JOIN monthly m2 ON m2.region_code = m0.region_code AND m2.ord = m0.ord - 2
JOIN monthly m3 ON m3.region_code = m0.region_code AND m3.ord = m0.ord - 3
JOIN dim_region county ON county.code = m0.region_code
JOIN dim_region city ON city.code = county.parent_code
WHERE m3.value > m2.value AND m2.value > m1.value AND m1.value > m0.value
ORDER BY m0.period DESC, county.code
