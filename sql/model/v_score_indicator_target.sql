-- An indicator score against what the scheme asks (target_value and floor_value of its
-- entry, in the metric's unit) and against the peers' median of its metric for the same
-- period (month and year only: 纵横比较 has no year-to-date figures), and whether the region is
-- worse than that median (v_compare_horizontal.worse_than_median).
CREATE OR REPLACE VIEW v_score_indicator_target AS
SELECT i.*, e.target_value, e.floor_value, e.direction, m.unit,
       h.peer_median, h.rank AS peer_rank, h.peers, h.worse_than_median
FROM v_score_entry i
JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
LEFT JOIN dim_metric m ON m.code = i.metric
LEFT JOIN mart_compare_horizontal h
  ON h.region_code = i.region_code AND h.period_type = i.period_type AND h.period = i.period AND h.metric = i.metric;
