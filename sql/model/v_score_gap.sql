-- How far a total is from the next grade band up (§12.1 评价等级): the band with the lowest
-- minimum above the total, and the points still needed to reach it (NULL at the top band);
-- the same for the year-end projection. Also the points not yet earned because a computed
-- indicator has no value (missing) or a manual one has not been assessed (pending), as
-- v_score_total sums them.
CREATE OR REPLACE VIEW v_score_gap AS
WITH points AS (
  SELECT scheme, total AS points FROM mart_score_total
  UNION
  SELECT scheme, projected_total FROM mart_score_total
), next_band AS (
  SELECT p.scheme, p.points, arg_min(b.grade, b.min_points) AS grade, min(b.min_points) AS min_points
  FROM points p JOIN dim_grade_band b ON b.scheme = p.scheme AND b.min_points > p.points
  GROUP BY ALL
)
-- The total's columns by name, not t.* EXCLUDE (…), so Trino and Spark read the same text (docs/SCALE.md).
SELECT t.scheme, t.region_code, t.period_type, t.period, t.base_points, t.bonus_points, t.total, t.max_total, t.grade,
       t.projected_total, t.projected_grade, t.bonus_earned, t.missing_entries, t.pending_entries, t.total_exact,
       t.complete, t.coverage, n.grade AS next_grade, n.min_points - t.total AS points_to_next,
       pn.grade AS projected_next_grade, pn.min_points - t.projected_total AS projected_points_to_next,
       t.missing_points, t.pending_points
FROM mart_score_total t
LEFT JOIN next_band n ON n.scheme = t.scheme AND n.points = t.total
LEFT JOIN next_band pn ON pn.scheme = t.scheme AND pn.points = t.projected_total;
