-- Total P = Σ G points + min(Σ E points, bonus cap) (§9.3, §6.2.2), summed exactly:
-- total_exact = Σ P1 items + the E line of v_score_item. total is total_exact rounded once by
-- the scheme's rule (score_round); the grade is the rounded total's band (min ≤ total < max),
-- as the agency is told it. projected_total: a month's year-to-date score, the year's own score.
-- complete: every entry's data is in (none pending); coverage: the least covered entry's share.
-- missing_points, pending_points: the points of the entries without a value and of those not yet
-- assessed (shown by v_score_gap; summed here, where the entries are grouped anyway, so reading
-- them costs no pass over every indicator row).
CREATE OR REPLACE VIEW v_score_total AS
WITH sums AS (
  SELECT i.scheme, i.region_code, i.period_type, i.period,
         CAST(COALESCE(SUM(i.points) FILTER (WHERE NOT e.bonus), 0) AS DECIMAL(18, 8)) AS base_points,
         CAST(COALESCE(SUM(i.points) FILTER (WHERE e.bonus), 0) AS DECIMAL(18, 8)) AS bonus_earned,
         COUNT(*) FILTER (WHERE i.status = 'missing') AS missing_entries,
         COUNT(*) FILTER (WHERE i.status = 'pending') AS pending_entries,
         COALESCE(SUM(i.points_lost) FILTER (WHERE i.status = 'missing'), 0) AS missing_points,
         COALESCE(SUM(i.points_lost) FILTER (WHERE i.status = 'pending'), 0) AS pending_points,
         bool_and(i.complete) AS complete, min(i.coverage) AS coverage
  FROM mart_score_indicator i
  JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
  GROUP BY ALL
), totals AS (
  SELECT t.*, CAST(least(t.bonus_earned, s.bonus_cap) AS DECIMAL(18, 8)) AS bonus_points,
         CAST(t.base_points + least(t.bonus_earned, s.bonus_cap) AS DECIMAL(18, 8)) AS total_exact,
         score_round(t.base_points + least(t.bonus_earned, s.bonus_cap), s.rounding_digits, s.rounding_mode) AS total,
         s.total_points AS max_total
  FROM sums t JOIN dim_scheme s ON s.code = t.scheme
), graded AS (
  SELECT t.*, b.grade
  FROM totals t LEFT JOIN dim_grade_band b
    ON b.scheme = t.scheme AND t.total >= b.min_points AND (b.max_points IS NULL OR t.total < b.max_points)
)
SELECT g.scheme, g.region_code, g.period_type, g.period, g.base_points, g.bonus_points, g.total, g.max_total, g.grade,
       COALESCE(y.total, g.total) AS projected_total, COALESCE(y.grade, g.grade) AS projected_grade,
       g.bonus_earned, g.missing_entries, g.pending_entries, g.total_exact, g.complete, g.coverage,
       g.missing_points, g.pending_points
FROM graded g
LEFT JOIN graded y ON g.period_type = 'month' AND y.period_type = 'ytd'
  AND y.scheme = g.scheme AND y.region_code = g.region_code AND y.period = g.period;
