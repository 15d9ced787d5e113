-- P2 and P1 item scores (§9.3 总分 = Σ一级项目): the G indicators' exact points, so an item never
-- exceeds its full marks, and one more line, level 'E', for the incentive (激励性) indicators'
-- bonus: earned points capped by the scheme's bonus_cap (§6.2.2 "作为加分处理"), max_points the
-- cap. Σ P1 items + the E line = the exact total of v_score_total, which rounds it once.
-- The entries are summed once per P2 item (G and E points apart), and the P1 items and the E
-- line from those sums: exact decimals, so the same as summing the entries again.
CREATE OR REPLACE VIEW v_score_item AS
WITH p2 AS (
  SELECT i.scheme, i.region_code, i.period_type, i.period, e.p1_code, e.p2_code,
         SUM(i.points) FILTER (WHERE NOT e.bonus) AS base, SUM(i.points) FILTER (WHERE e.bonus) AS bonus
  FROM mart_score_indicator i
  JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
  GROUP BY ALL
)
SELECT s.scheme, s.region_code, s.period_type, s.period, 'P2' AS level, p1.name AS p1, it.name AS p2,
       CAST(COALESCE(s.base, 0) AS DECIMAL(18, 8)) AS points, it.max_points, s.p1_code, s.p2_code AS code, it.ord
FROM p2 s
JOIN dim_scheme_item it ON it.scheme = s.scheme AND it.level = 'P2' AND it.code = s.p2_code
JOIN dim_scheme_item p1 ON p1.scheme = s.scheme AND p1.level = 'P1' AND p1.code = s.p1_code
UNION ALL
SELECT s.scheme, s.region_code, s.period_type, s.period, 'P1', it.name, NULL,
       CAST(COALESCE(SUM(s.base), 0) AS DECIMAL(18, 8)), it.max_points, s.p1_code, s.p1_code, it.ord
FROM p2 s
JOIN dim_scheme_item it ON it.scheme = s.scheme AND it.level = 'P1' AND it.code = s.p1_code
GROUP BY ALL
UNION ALL
SELECT s.scheme, s.region_code, s.period_type, s.period, 'E', '激励性指标加分', NULL,
       CAST(least(COALESCE(SUM(s.bonus), 0), sc.bonus_cap) AS DECIMAL(18, 8)), sc.bonus_cap, 'E', 'E', o.ord
FROM p2 s
JOIN dim_scheme sc ON sc.code = s.scheme
JOIN (SELECT scheme, max(ord) + 1 AS ord FROM dim_scheme_item GROUP BY scheme) o ON o.scheme = s.scheme
GROUP BY s.scheme, s.region_code, s.period_type, s.period, sc.bonus_cap, o.ord;
