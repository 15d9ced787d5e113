-- 纵横比较法, "who moved most": each region's 环比 change (vertical) with its direction
-- made comparable across metrics — improvement > 0 is better whatever the metric's
-- direction (a rise in 限时办结率, a fall in handling time). Ordering by |mom_change|
-- among the regions of one level under one parent gives the month's biggest movers.
CREATE OR REPLACE VIEW v_movers AS
SELECT v.region_code, r.name AS region_name, r.level, r.parent_code, v.period_type, v.period, v.metric,
       v.numerator, v.denominator, v.value, v.prev_value, v.mom_change,
       CASE WHEN mt.higher_is_better THEN v.mom_change ELSE -v.mom_change END AS improvement
FROM mart_compare_vertical v
JOIN dim_region r ON r.code = v.region_code
JOIN dim_metric mt ON mt.code = v.metric
WHERE v.mom_change IS NOT NULL;
