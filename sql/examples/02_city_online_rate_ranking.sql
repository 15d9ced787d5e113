-- 各市网上办理率排名（最近一个月）
-- 最近一个有排名的月份里，全省各市按网上办理率（online_rate，附录A 4.1.1）排名，
-- 列出分子（网上办理件数）、分母（全部受理件数）和与同级中位数的差距。
SELECT h.rank, r.name AS city, h.period, round(h.value, 1) AS online_rate,
       v.numerator AS online_cases, v.denominator AS all_cases, round(h.gap_to_median, 1) AS gap_to_median
FROM mart_compare_horizontal h
JOIN dim_region r ON r.code = h.region_code
JOIN mart_metric_value v USING (region_code, period_type, period, metric)
WHERE h.metric = 'online_rate' AND h.period_type = 'month' AND r.level = 'city'
  AND h.period = (SELECT max(period) FROM mart_compare_horizontal WHERE metric = 'online_rate' AND period_type = 'month')
ORDER BY h.rank
