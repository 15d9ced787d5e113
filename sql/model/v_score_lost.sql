-- The indicators that lost points (§12 评价结果与应用: where the grade can be lifted), with
-- their target and the peers' median: scored entries below full points and computed entries
-- without data. Manual entries not yet assessed (status 'pending') are left out; they are
-- shown apart, as 待人工评分 with their sum (v_score_gap.pending_points). The one definition
-- behind 绩效评分, 机构自查 and the evaluation report; readers order by points_lost DESC, ord.
CREATE OR REPLACE VIEW v_score_lost AS
SELECT * FROM v_score_indicator_target
WHERE status <> 'pending' AND points_lost > 0;
