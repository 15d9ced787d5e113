-- The 通报 of an evaluation round (§12.1 评价结果通报): every region in the round's scope with
-- its latest frozen total and grade, ranked among the round's regions of the same level
-- (1 = highest frozen total; ties share a rank) — results as approved, never live scores.
CREATE OR REPLACE VIEW v_eval_bulletin AS
WITH latest AS (
  SELECT round_id, region_code, version, total, grade, sha256 FROM eval_frozen_report
  QUALIFY version = max(version) OVER (PARTITION BY round_id, region_code)
)
SELECT g.round_id, g.region_code, d.name AS region_name, d.level, p.name AS parent_name,
       CAST(f.total AS VARCHAR) AS total, f.grade, f.version,
       CASE WHEN f.total IS NOT NULL THEN rank() OVER (PARTITION BY g.round_id, d.level ORDER BY f.total DESC NULLS LAST) END AS rank,
       COUNT(f.total) OVER (PARTITION BY g.round_id, d.level) AS ranked, f.sha256 AS report_sha256
FROM eval_region g
JOIN dim_region d ON d.code = g.region_code
LEFT JOIN dim_region p ON p.code = d.parent_code
LEFT JOIN latest f ON f.round_id = g.round_id AND f.region_code = g.region_code;
