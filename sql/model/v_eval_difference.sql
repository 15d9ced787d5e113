-- Frozen results beside live ones (§12: the approved result is final; later data does not
-- change it, but readers see where live data now differs and why). One row per score line of a
-- region's latest freeze in a round (eval_frozen_score) with the live points of the same line
-- (indicator entries from v_score_entry, items from v_score_item, the total from
-- mart_score_total, for the round's scheme and year), the difference live − frozen and, where
-- they differ, the reasons the stored data shows: statistical reports (统计报表) of the region's
-- counties for the year loaded by a collector run after the freeze (raw_report, restated
-- versions among them), cases (经办事项) ingested after it (raw_case), and manual scores changed
-- after it (raw_manual_score imported, eval_entry saved). A computed line is explained by
-- reports and cases, a manual line by manual scores, item and total lines by all of them.
CREATE OR REPLACE VIEW v_eval_difference AS
WITH frozen AS (
  SELECT f.round_id, f.region_code, f.version, f.frozen_at, f.last_run_id, r.year, r.scheme
  FROM eval_frozen_report f JOIN eval_round r ON r.id = f.round_id
  QUALIFY f.version = max(f.version) OVER (PARTITION BY f.round_id, f.region_code)
), live AS (
  SELECT scheme, region_code, period, 'indicator' AS level, indicator_code || COALESCE('/' || metric, '') AS code, points
  FROM v_score_entry WHERE period_type = 'year'
  UNION ALL
  SELECT scheme, region_code, period, level, code, points FROM v_score_item WHERE period_type = 'year'
  UNION ALL
  SELECT scheme, region_code, period, 'total', 'total', total FROM mart_score_total WHERE period_type = 'year'
), late_reports AS (
  SELECT f.round_id, f.region_code,
         format('冻结后载入统计报表 {} 份（{}）', count(DISTINCT (p.region_code, p.period_month, p.version)),
                string_agg(DISTINCT format('{} {} 第{}版', d.name, strftime(p.period_month, '%Y-%m'), p.version), '、' ORDER BY format('{} {} 第{}版', d.name, strftime(p.period_month, '%Y-%m'), p.version))) AS reason
  FROM frozen f
  JOIN dim_region_rollup u ON u.region_code = f.region_code
  JOIN raw_report p ON p.region_code = u.county_code AND year(p.period_month) = f.year AND p.run_id > f.last_run_id
  JOIN dim_region d ON d.code = p.region_code
  GROUP BY f.round_id, f.region_code
), late_cases AS (
  SELECT f.round_id, f.region_code, format('冻结后载入经办事项 {} 件', count(DISTINCT c.case_id)) AS reason
  FROM frozen f
  JOIN dim_region_rollup u ON u.region_code = f.region_code
  JOIN raw_case c ON c.region_code = u.county_code AND year(c.accepted_at) = f.year AND c.run_id > f.last_run_id
  GROUP BY f.round_id, f.region_code
), late_manual AS (
  SELECT round_id, region_code, format('冻结后手工评分变更 {} 项', count(*)) AS reason
  FROM (
    SELECT f.round_id, f.region_code FROM frozen f
    JOIN raw_manual_score m ON m.region_code = f.region_code AND m.year = f.year AND m.imported_at > f.frozen_at
    UNION ALL
    SELECT f.round_id, f.region_code FROM frozen f
    JOIN eval_entry e ON e.region_code = f.region_code AND e.saved_at > f.frozen_at
    JOIN eval_round r ON r.id = e.round_id AND r.year = f.year
  )
  GROUP BY round_id, region_code
), lines AS (
  SELECT s.round_id, s.region_code, f.version, f.frozen_at, s.level, s.code, s.name, s.source, s.ord,
         s.points AS frozen, l.points AS live,
         CAST(l.points - s.points AS DECIMAL(18, 8)) AS difference,
         rp.reason AS report_reason, lc.reason AS case_reason, lm.reason AS manual_reason
  FROM frozen f
  JOIN eval_frozen_score s ON s.round_id = f.round_id AND s.region_code = f.region_code AND s.version = f.version
  LEFT JOIN live l ON l.scheme = f.scheme AND l.region_code = f.region_code AND l.period = CAST(f.year AS VARCHAR) AND l.level = s.level AND l.code = s.code
  LEFT JOIN late_reports rp ON rp.round_id = f.round_id AND rp.region_code = f.region_code
  LEFT JOIN late_cases lc ON lc.round_id = f.round_id AND lc.region_code = f.region_code
  LEFT JOIN late_manual lm ON lm.round_id = f.round_id AND lm.region_code = f.region_code
)
SELECT round_id, region_code, version, frozen_at, level, code, name, ord,
       CAST(frozen AS VARCHAR) AS frozen, CAST(live AS VARCHAR) AS live, CAST(difference AS VARCHAR) AS difference,
       CASE WHEN live IS NOT DISTINCT FROM frozen THEN NULL
            ELSE COALESCE(
              NULLIF(concat_ws('；',
                CASE WHEN source IS DISTINCT FROM 'manual' THEN report_reason END,
                CASE WHEN source IS DISTINCT FROM 'manual' THEN case_reason END,
                CASE WHEN source IS DISTINCT FROM 'computed' THEN manual_reason END), ''),
              '数据中未见冻结后的新报表、新事项或评分变更（可能是评分方案或计算规则变更）')
       END AS reason
FROM lines;
