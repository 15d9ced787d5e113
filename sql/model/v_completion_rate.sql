-- 业务办结率 (completion rate, one of the four service KPIs GOV.UK's Service Manual makes
-- mandatory; not an Appendix A indicator, not scored): of the service cases that ended in the
-- period (counted on the month of completed_at), those that ended 办结 (completed), over all
-- that ended — 办结 + 撤回 (withdrawn by the applicant) + 不予受理/退回 (rejected). A case stored
-- without an outcome ended 办结 (case_facts). Both parts are counts summed from the counties
-- (agg_case_outcome_month through dim_region_rollup), so a city's rate is the ratio of its
-- counties' sums, never a mean of their rates; months the case feed has not fully seen are left
-- out, as for the handling-time histogram (v_case_duration_seen).
-- The other case indicators keep counting every ended case, whatever its outcome: 限时办结率 (a
-- case withdrawn or rejected by its deadline ended in time), handling time, 好差评评价率 and
-- 单笔业务经办成本 (a withdrawn or rejected case was handled too).
CREATE OR REPLACE VIEW v_completion_rate AS
SELECT r.region_code, p.period_type, p.period, 'completion_rate' AS metric,
       coalesce(SUM(a.cases) FILTER (WHERE a.outcome = 'completed'), 0) AS numerator,
       SUM(a.cases) AS denominator
FROM agg_case_outcome_month a
JOIN dim_region_rollup r ON r.county_code = a.region_code
JOIN dim_month_period p ON p.day = a.day
WHERE a.day >= coalesce(feed_covered_from('cases'), DATE '1900-01-01')
GROUP BY ALL;
