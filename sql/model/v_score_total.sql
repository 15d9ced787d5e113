-- Total P = Σ G points + min(Σ E points, bonus cap); grade from the scheme's bands
-- (min ≤ total < max). projected_total: a month's year-to-date score, the year's own score.
CREATE OR REPLACE VIEW v_score_total AS
WITH sums AS (
  SELECT scheme, region_code, period_type, period,
         COALESCE(SUM(points) FILTER (WHERE NOT bonus), 0) AS base_points,
         COALESCE(SUM(points) FILTER (WHERE bonus), 0) AS bonus_earned,
         COUNT(*) FILTER (WHERE status = 'missing') AS missing_entries,
         COUNT(*) FILTER (WHERE status = 'pending') AS pending_entries
  FROM mart_score_indicator GROUP BY ALL
), totals AS (
  SELECT t.*, least(t.bonus_earned, s.bonus_cap) AS bonus_points,
         t.base_points + least(t.bonus_earned, s.bonus_cap) AS total, s.total_points AS max_total
  FROM sums t JOIN dim_scheme s ON s.code = t.scheme
), graded AS (
  SELECT t.*, b.grade
  FROM totals t LEFT JOIN dim_grade_band b
    ON b.scheme = t.scheme AND t.total >= b.min_points AND (b.max_points IS NULL OR t.total < b.max_points)
)
SELECT g.scheme, g.region_code, g.period_type, g.period, g.base_points, g.bonus_points, g.total, g.max_total, g.grade,
       COALESCE(y.total, g.total) AS projected_total, COALESCE(y.grade, g.grade) AS projected_grade,
       g.bonus_earned, g.missing_entries, g.pending_entries
FROM graded g
LEFT JOIN graded y ON g.period_type = 'month' AND y.period_type = 'ytd'
  AND y.scheme = g.scheme AND y.region_code = g.region_code AND y.period = g.period;
