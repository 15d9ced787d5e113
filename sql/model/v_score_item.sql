-- P2 and P1 item scores. points include the item's E (bonus) points as earned; max_points
-- counts G indicators only, since the bonus cap applies to the total, not to an item.
CREATE OR REPLACE VIEW v_score_item AS
SELECT i.scheme, i.region_code, i.period_type, i.period, 'P2' AS level, i.p1, i.p2,
       SUM(i.points) AS points, it.max_points, i.p1_code, i.p2_code AS code, it.ord
FROM mart_score_indicator i
JOIN dim_scheme_item it ON it.scheme = i.scheme AND it.level = 'P2' AND it.code = i.p2_code
GROUP BY ALL
UNION ALL
SELECT i.scheme, i.region_code, i.period_type, i.period, 'P1', i.p1, NULL,
       SUM(i.points), it.max_points, i.p1_code, i.p1_code, it.ord
FROM mart_score_indicator i
JOIN dim_scheme_item it ON it.scheme = i.scheme AND it.level = 'P1' AND it.code = i.p1_code
GROUP BY ALL;
