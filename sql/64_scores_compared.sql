-- Scores compared (《社会保险经办绩效评价规范》§7 纵横比较法 applied to the scores of §9, and
-- §12 评价结果与应用): for the dashboards and the evaluation report. Reads the score tables
-- that sql/59_score_tables.sql materializes, so these are plain views.

-- 横向比较 of totals: each region's total against the other regions under the same parent
-- (rank 1 = highest total; ties share a rank), with the peers' median total. Shaped like
-- v_compare_horizontal (value, peer_median, gap_to_median) so rankings draw alike.
CREATE OR REPLACE VIEW v_score_peer AS
SELECT t.scheme, t.region_code, r.name AS region_name, r.parent_code, t.period_type, t.period,
       t.total AS value, t.grade, t.max_total, t.projected_total, t.projected_grade,
       rank() OVER w_sorted AS rank,
       COUNT(*) OVER w AS peers,
       median(t.total) OVER w AS peer_median,
       t.total - median(t.total) OVER w AS gap_to_median
FROM mart_score_total t
JOIN dim_region r ON r.code = t.region_code
WHERE r.parent_code IS NOT NULL
WINDOW w AS (PARTITION BY t.scheme, r.parent_code, t.period_type, t.period),
       w_sorted AS (PARTITION BY t.scheme, r.parent_code, t.period_type, t.period ORDER BY t.total DESC);

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

-- An indicator score against what the scheme asks (target_value and floor_value of its
-- entry, in the metric's unit) and against the peers' median of its metric for the same
-- period (month and year only: 纵横比较 has no year-to-date figures).
CREATE OR REPLACE VIEW v_score_indicator_target AS
SELECT i.*, e.target_value, e.floor_value, e.direction, m.unit,
       h.peer_median, h.rank AS peer_rank, h.peers
FROM mart_score_indicator i
JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
LEFT JOIN dim_metric m ON m.code = i.metric
LEFT JOIN mart_compare_horizontal h
  ON h.region_code = i.region_code AND h.period_type = i.period_type AND h.period = i.period AND h.metric = i.metric;
