-- 社会保险关系转移接续 (2.4), service items of group 'transfer' (养老/医疗保险关系转移):
-- 合格率 (2.4.1) 办结业务笔数与总业务办理笔数的比例. Chosen definition: transfer cases whose
--   statutory deadline falls in the period and has passed; numerator those concluded within
--   it (a case still open after its deadline is not concluded).
-- 办理时限 (2.4.2): mean handling time in working days of transfer cases completed in the
--   period (lower is better); numerator working days, denominator cases.
CREATE OR REPLACE VIEW v_transfer AS
WITH t AS (
  SELECT * FROM mart_case_period
  WHERE item IN (SELECT code FROM dim_service_item WHERE item_group = 'transfer')
)
SELECT region_code, period_type, period, 'transfer_completion_rate' AS metric,
       SUM(due_on_time) AS numerator, SUM(due) AS denominator
FROM t GROUP BY ALL
UNION ALL
SELECT region_code, period_type, period, 'transfer_handling_days',
       CAST(SUM(completed_workdays) AS DOUBLE), SUM(completed)
FROM t GROUP BY ALL;
