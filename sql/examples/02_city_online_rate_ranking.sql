-- 各市网上办理率排名（最近一个月）
-- The cities of the province ranked by 网上办理率 (online_rate, Appendix A 4.1.1) in the latest
-- month with data, with the rate's numerator and denominator and the gap to the peer median.
SELECT h.rank, r.name AS city, h.period, round(h.value, 1) AS online_rate,
       v.numerator AS online_cases, v.denominator AS all_cases, round(h.gap_to_median, 1) AS gap_to_median
FROM mart_compare_horizontal h
JOIN dim_region r ON r.code = h.region_code
JOIN mart_metric_value v USING (region_code, period_type, period, metric)
WHERE h.metric = 'online_rate' AND h.period_type = 'month' AND r.level = 'city'
  AND h.period = (SELECT max(period) FROM mart_metric_value WHERE metric = 'online_rate' AND period_type = 'month')
ORDER BY h.rank
