-- Scores compared (《社会保险经办绩效评价规范》§7 纵横比较法 applied to the scores of §9, and
-- §12 评价结果与应用), for the dashboards and the evaluation report.
-- 横向比较 of totals: each region's total against its peers, the regions of its peer group
-- (dim_region_peer: the divisions under the same parent; a development zone among zones only)
-- (rank 1 = highest total; ties share a rank), with the peers' median total. Shaped like
-- v_compare_horizontal (value, peer_median, gap_to_median, worse_than_median) so rankings
-- draw alike; parent_code is the region's parent in the tree, peer_scope and kind its peer group.
CREATE OR REPLACE VIEW v_score_peer AS
SELECT t.scheme, t.region_code, r.name AS region_name, r.parent_code, p.peer_scope, p.kind, t.period_type, t.period,
       t.total AS value, t.grade, t.max_total, t.projected_total, t.projected_grade,
       rank() OVER w_sorted AS rank,
       COUNT(*) OVER w AS peers,
       median(t.total) OVER w AS peer_median,
       t.total - median(t.total) OVER w AS gap_to_median,
       t.total < median(t.total) OVER w AS worse_than_median
FROM mart_score_total t
JOIN dim_region r ON r.code = t.region_code
JOIN dim_region_peer p ON p.region_code = t.region_code
WINDOW w AS (PARTITION BY t.scheme, p.peer_scope, p.kind, t.period_type, t.period),
       w_sorted AS (PARTITION BY t.scheme, p.peer_scope, p.kind, t.period_type, t.period ORDER BY t.total DESC);
