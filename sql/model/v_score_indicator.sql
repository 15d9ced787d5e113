-- Scores (《社会保险经办绩效评价规范》§9): total P = Σ first-level items P1 = Σ second-level
-- items P2 = Σ indicators I, bottom-up (§9.3), with the weights of the loaded schemes
-- (seeds/schemes/*.json → dim_scheme*, §9.2 "分值由各地区确定"). Incentive indicators IE are
-- bonus points, capped per scheme (§6.2.2 "作为加分处理"); grades by the scheme's bands (§12.1).
--
-- Status: 'pending' when what the entry needs has not all arrived — a manual indicator not yet
-- assessed (0 points), or a report-based one whose period's reports are not all in
-- (v_period_completeness: a month without reports is pending, not zero; a year to date scores
-- from the months reported); 'missing' when a computed entry's data is in but gives no value
-- (0 points); else 'scored'. complete and coverage carry the feed's completeness for the
-- period. Pending entries are listed apart from points lost (v_score_lost).

-- Indicator score: one row per scheme entry (an indicator's points may be split over several
-- metrics), region and period, materialized as mart_score_indicator: the entry (its scheme and
-- ord) and what varies by region and period. What the entry is (indicator, metric, rule, full
-- points, its items, names) is the scheme's, the same in every region and period: it is joined
-- on read (v_score_entry), not stored 2 million times. Rules, with v the value and M the entry's points:
--   linear:    M × clamp((v − floor) / (target − floor), 0, 1)   (floor > target when lower is better)
--   deduction: max(0, M − per_point × shortfall), shortfall = target − v (v − target when lower is better)
--              — the Jiaxing rule "降低1个百分点扣1分"
--   manual:    M × score / 100 (score 0–100 from the assessor)
-- A month is scored with the manual scores of its year.
CREATE OR REPLACE VIEW v_score_indicator AS
-- The joins are plain equalities (the source is chosen in the CASE, not in ON), so they run
-- as hash joins; a manual entry has no metric and matches no metric value.
WITH grid AS (
  SELECT s.code AS scheme, p.region_code, p.period_type, p.period, CAST(left(p.period, 4) AS INTEGER) AS year
  FROM dim_scheme s CROSS JOIN v_score_period p
), valued AS (
  SELECT g.scheme, g.region_code, g.period_type, g.period, e.*,
         CASE e.source WHEN 'computed' THEN mv.value ELSE ms.score END AS value
  FROM grid g
  JOIN dim_scheme_entry e ON e.scheme = g.scheme
  LEFT JOIN v_score_metric mv
    ON mv.metric = e.metric AND mv.region_code = g.region_code
   AND mv.period_type = g.period_type AND mv.period = g.period
  LEFT JOIN v_manual_score ms
    ON ms.indicator_code = e.indicator_code AND ms.region_code = g.region_code AND ms.year = g.year
), tracked AS (
  SELECT v.*, CASE WHEN v.source = 'manual' THEN v.value IS NOT NULL ELSE coalesce(pc.complete, TRUE) END AS complete,
         CASE WHEN v.source = 'manual' THEN CASE WHEN v.value IS NULL THEN 0.0 ELSE 1.0 END ELSE coalesce(pc.coverage, 1.0) END AS coverage,
         dm.feed
  FROM valued v
  LEFT JOIN dim_metric dm ON dm.code = v.metric
  LEFT JOIN v_period_completeness pc
    ON pc.region_code = v.region_code AND pc.period_type = v.period_type AND pc.period = v.period AND pc.feed = dm.feed
), scored AS (
  -- Exact decimals (8 places; a linear rule's quotient is cut there), never rounded here:
  -- the scheme's rounding applies once, to the total (v_score_total).
  SELECT *, CAST(CASE
      WHEN value IS NULL THEN 0
      WHEN rule = 'manual' THEN max_points * CAST(value AS DECIMAL(12, 6)) * 0.01
      WHEN rule = 'linear' THEN max_points
             * CAST(greatest(0, least(1, (value - floor_value) / (target_value - floor_value))) AS DECIMAL(12, 8))
      ELSE greatest(0, CAST(max_points AS DECIMAL(18, 8)) - CAST(per_point * greatest(0,
             CASE direction WHEN 'higher_is_better' THEN target_value - value ELSE value - target_value END) AS DECIMAL(18, 8)))
    END AS DECIMAL(18, 8)) AS points
  FROM tracked
)
SELECT s.scheme, s.region_code, s.period_type, s.period, s.ord, s.value,
       s.points, CAST(s.max_points - s.points AS DECIMAL(18, 8)) AS points_lost,
       CASE WHEN s.source = 'manual' AND s.value IS NULL THEN 'pending'
            WHEN s.feed = 'reports' AND NOT s.complete THEN 'pending'
            WHEN s.value IS NULL THEN 'missing'
            ELSE 'scored' END AS status,
       s.complete, s.coverage
FROM scored s;
