-- 纵横比较法, horizontal comparison: a region against its peers in the same period.
-- Peers are the regions of its peer group (dim_region_peer: the divisions under the same parent,
-- a development zone only among zones). Rank among them (1 = best, by the metric's direction),
-- number of peers, the peers' median and the gap to it; shortfall is that gap by the metric's
-- direction (> 0: worse than the median, in the metric's unit) and worse_than_median says so,
-- for every page and the report to show rather than decide. parent_code is the region's parent
-- in the tree (for listing a region's children), peer_scope and kind name its peer group.
CREATE OR REPLACE VIEW v_compare_horizontal AS
SELECT m.region_code, r.parent_code, p.peer_scope, p.kind, m.period_type, m.period, m.metric, m.value,
       rank() OVER w_sorted AS rank,
       COUNT(*) OVER w AS peers,
       median(m.value) OVER w AS peer_median,
       m.value - median(m.value) OVER w AS gap_to_median,
       -improvement(m.value - median(m.value) OVER w, mt.higher_is_better) AS shortfall,
       improvement(m.value - median(m.value) OVER w, mt.higher_is_better) < 0 AS worse_than_median
FROM mart_metric_value m
JOIN dim_region r ON r.code = m.region_code
JOIN dim_region_peer p ON p.region_code = m.region_code
JOIN dim_metric mt ON mt.code = m.metric
WHERE m.value IS NOT NULL AND m.period_type <> 'ytd' -- peers are compared on months, quarters and years
WINDOW w AS (PARTITION BY p.peer_scope, p.kind, m.period_type, m.period, m.metric),
       w_sorted AS (PARTITION BY p.peer_scope, p.kind, m.period_type, m.period, m.metric
                    ORDER BY improvement(m.value, mt.higher_is_better) DESC);
