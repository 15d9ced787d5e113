-- P2 and P1 item scores (§9.3 总分 = Σ一级项目): the G indicators' exact points, so an item never
-- exceeds its full marks, and one more line, level 'E', for the incentive (激励性) indicators'
-- bonus: earned points capped by the scheme's bonus_cap (§6.2.2 "作为加分处理"), max_points the
-- cap. Σ P1 items + the E line = the exact total of v_score_total, which rounds it once.
CREATE OR REPLACE VIEW v_score_item AS
SELECT i.scheme, i.region_code, i.period_type, i.period, 'P2' AS level, i.p1, i.p2,
       CAST(COALESCE(SUM(i.points) FILTER (WHERE NOT i.bonus), 0) AS DECIMAL(18, 8)) AS points, it.max_points, i.p1_code, i.p2_code AS code, it.ord
FROM mart_score_indicator i
JOIN dim_scheme_item it ON it.scheme = i.scheme AND it.level = 'P2' AND it.code = i.p2_code
GROUP BY ALL
UNION ALL
SELECT i.scheme, i.region_code, i.period_type, i.period, 'P1', i.p1, NULL,
       CAST(COALESCE(SUM(i.points) FILTER (WHERE NOT i.bonus), 0) AS DECIMAL(18, 8)), it.max_points, i.p1_code, i.p1_code, it.ord
FROM mart_score_indicator i
JOIN dim_scheme_item it ON it.scheme = i.scheme AND it.level = 'P1' AND it.code = i.p1_code
GROUP BY ALL
UNION ALL
SELECT i.scheme, i.region_code, i.period_type, i.period, 'E', '激励性指标加分', NULL,
       CAST(least(COALESCE(SUM(i.points) FILTER (WHERE i.bonus), 0), s.bonus_cap) AS DECIMAL(18, 8)), s.bonus_cap, 'E', 'E', o.ord
FROM mart_score_indicator i
JOIN dim_scheme s ON s.code = i.scheme
JOIN (SELECT scheme, max(ord) + 1 AS ord FROM dim_scheme_item GROUP BY scheme) o ON o.scheme = i.scheme
GROUP BY i.scheme, i.region_code, i.period_type, i.period, s.bonus_cap, o.ord;
