-- How far a total is from the next grade band up (§12.1 评价等级): the band with the lowest
-- minimum above the total, and the points still needed to reach it (NULL at the top band);
-- the same for the year-end projection. Also the points not yet earned because a computed
-- indicator has no value (missing) or a manual one has not been assessed (pending).
CREATE OR REPLACE VIEW v_score_gap AS
WITH points AS (
  SELECT scheme, total AS points FROM mart_score_total
  UNION
  SELECT scheme, projected_total FROM mart_score_total
), next_band AS (
  SELECT p.scheme, p.points, arg_min(b.grade, b.min_points) AS grade, min(b.min_points) AS min_points
  FROM points p JOIN dim_grade_band b ON b.scheme = p.scheme AND b.min_points > p.points
  GROUP BY ALL
), unscored AS (
  SELECT scheme, region_code, period_type, period,
         COALESCE(SUM(points_lost) FILTER (WHERE status = 'missing'), 0) AS missing_points,
         COALESCE(SUM(points_lost) FILTER (WHERE status = 'pending'), 0) AS pending_points
  FROM mart_score_indicator GROUP BY ALL
)
SELECT t.*, n.grade AS next_grade, n.min_points - t.total AS points_to_next,
       pn.grade AS projected_next_grade, pn.min_points - t.projected_total AS projected_points_to_next,
       u.missing_points, u.pending_points
FROM mart_score_total t
LEFT JOIN next_band n ON n.scheme = t.scheme AND n.points = t.total
LEFT JOIN next_band pn ON pn.scheme = t.scheme AND pn.points = t.projected_total
LEFT JOIN unscored u ON u.scheme = t.scheme AND u.region_code = t.region_code
  AND u.period_type = t.period_type AND u.period = t.period;
