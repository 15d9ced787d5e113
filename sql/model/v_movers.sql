-- 纵横比较法, "who moved most": each region's 环比 change (vertical) with its direction
-- made comparable across metrics — improvement > 0 is better whatever the metric's
-- direction (v_compare_vertical.mom_improvement). Ordering by |mom_change| among the
-- regions of one level under one parent gives the month's biggest movers.
CREATE OR REPLACE VIEW v_movers AS
SELECT v.region_code, r.name AS region_name, r.level, r.parent_code, v.period_type, v.period, v.metric,
       v.numerator, v.denominator, v.value, v.prev_value, v.mom_change, v.mom_improvement AS improvement
FROM mart_compare_vertical v
JOIN dim_region r ON r.code = v.region_code
WHERE v.mom_change IS NOT NULL;
