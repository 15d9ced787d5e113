-- 纵横比较法 for the evaluation report's 意见建议: how far each region falls short of the
-- median of its peers (its peer group, dim_region_peer) on each metric, made comparable
-- across metric directions (v_compare_horizontal.shortfall: > 0 means worse than the median,
-- in the metric's unit, percentage points for rates); rank_share = rank / peers (1 = last place).
-- Until scores exist, suggestions are drawn from the largest shortfalls.
CREATE OR REPLACE VIEW v_peer_shortfall AS
SELECT h.region_code, r.name AS region_name, h.parent_code, h.period_type, h.period, h.metric,
       mt.name AS metric_name, mt.unit, h.value, h.peer_median, h.rank, h.peers, h.shortfall,
       h.rank / h.peers AS rank_share
FROM mart_compare_horizontal h
JOIN dim_region r ON r.code = h.region_code
JOIN dim_metric mt ON mt.code = h.metric;
