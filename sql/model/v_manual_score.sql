-- The manual score that counts when several evaluation modes scored the same indicator:
-- 上级评价 over 第三方评价 over 自我评价 (the more independent assessment wins).
CREATE OR REPLACE VIEW v_manual_score AS
WITH ranked AS (
  SELECT *, CASE mode WHEN '上级评价' THEN 1 WHEN '第三方评价' THEN 2 ELSE 3 END AS precedence
  FROM raw_manual_score
)
SELECT region_code, year, indicator_code,
       arg_min(score, precedence) AS score, arg_min(mode, precedence) AS mode, arg_min(assessor, precedence) AS assessor
FROM ranked GROUP BY region_code, year, indicator_code;
