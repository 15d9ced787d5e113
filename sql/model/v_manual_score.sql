-- The manual score that counts when several evaluation modes scored the same indicator:
-- 上级评价 over 第三方评价 over 自我评价 (the more independent assessment wins).
-- Scores reach it by two paths, one rule: sheets imported into raw_manual_score and the scores
-- submitted in an evaluation round (eval_entry, submitted; drafts never count). For the same
-- region, year, indicator and mode a submitted round entry replaces the imported sheet score,
-- as the round is the evaluation procedure of §11 and the sheet the older channel; of several
-- rounds of a year the latest (highest id) counts.
CREATE OR REPLACE VIEW v_manual_score AS
WITH round_scores AS (
  SELECT e.region_code, r.year, e.indicator_code, e.mode, e.score, e.assessor
  FROM eval_entry e JOIN eval_round r ON r.id = e.round_id
  WHERE e.submitted
  QUALIFY row_number() OVER (PARTITION BY e.region_code, r.year, e.indicator_code, e.mode ORDER BY e.round_id DESC) = 1
), scores AS (
  SELECT region_code, year, indicator_code, mode, score, assessor FROM round_scores
  UNION ALL
  SELECT m.region_code, m.year, m.indicator_code, m.mode, m.score, m.assessor
  FROM raw_manual_score m ANTI JOIN round_scores USING (region_code, year, indicator_code, mode)
), ranked AS (
  SELECT *, CASE mode WHEN '上级评价' THEN 1 WHEN '第三方评价' THEN 2 ELSE 3 END AS precedence
  FROM scores
)
SELECT region_code, year, indicator_code,
       arg_min(score, precedence) AS score, arg_min(mode, precedence) AS mode, arg_min(assessor, precedence) AS assessor
FROM ranked GROUP BY region_code, year, indicator_code;
