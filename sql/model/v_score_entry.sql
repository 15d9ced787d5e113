-- Indicator scores as people read them: mart_score_indicator (v_score_indicator) with the
-- scheme entry's name, its first- and second-level items' names (p1, p2) and its rule in words
-- (rule_detail), which are the scheme's and so kept once, in dim_scheme_entry and
-- dim_scheme_item, rather than in each of the mart's rows.
CREATE OR REPLACE VIEW v_score_entry AS
SELECT i.scheme, i.region_code, i.period_type, i.period, i.indicator_code,
       p1.name AS p1, p2.name AS p2, e.name, i.category, i.metric, i.source, i.value,
       i.max_points, i.points, i.points_lost, i.rule, i.status,
       e.rule_detail, i.bonus, i.p1_code, i.p2_code, i.ord, i.complete, i.coverage
FROM mart_score_indicator i
JOIN dim_scheme_entry e ON e.scheme = i.scheme AND e.ord = i.ord
JOIN dim_scheme_item p1 ON p1.scheme = i.scheme AND p1.level = 'P1' AND p1.code = i.p1_code
JOIN dim_scheme_item p2 ON p2.scheme = i.scheme AND p2.level = 'P2' AND p2.code = i.p2_code;
