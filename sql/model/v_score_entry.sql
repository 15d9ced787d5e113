-- Indicator scores as people read them: mart_score_indicator (v_score_indicator: an entry's
-- value, points and status per region and period) with what the entry is — its indicator and
-- category, metric, source, rule, full points and rule in words, its first- and second-level
-- items (codes and names p1, p2) and whether it is a bonus (E) entry. Those are the scheme's,
-- the same in every region and period, so kept once (dim_scheme_entry, dim_scheme_item,
-- dim_indicator) rather than in each of the mart's rows.
CREATE OR REPLACE VIEW v_score_entry AS
SELECT i.scheme, i.region_code, i.period_type, i.period, e.indicator_code,
       p1.name AS p1, p2.name AS p2, e.name, d.category, e.metric, e.source, i.value,
       e.max_points, i.points, i.points_lost, e.rule, i.status,
       e.rule_detail, e.bonus, e.p1_code, e.p2_code, i.ord, i.complete, i.coverage
FROM mart_score_indicator i
JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
JOIN dim_indicator d ON d.code = e.indicator_code
JOIN dim_scheme_item p1 ON p1.scheme = e.scheme AND p1.level = 'P1' AND p1.code = e.p1_code
JOIN dim_scheme_item p2 ON p2.scheme = e.scheme AND p2.level = 'P2' AND p2.code = e.p2_code;
