-- 单笔业务经办成本 (cost per transaction, one of the four service KPIs GOV.UK's Service Manual
-- makes mandatory; not an Appendix A indicator): the agency's running costs in the period
-- (统计报表 figure running_cost, 万元, converted to 元) over the service cases completed in the
-- period (mart_case_period.completed, all items; every ended case, whatever its outcome —
-- a withdrawn or rejected case was handled too). Both parts are flows summed from counties, so
-- the ratio rolls up exactly; a region-period without its report or without completed cases has
-- no row.
CREATE OR REPLACE VIEW v_cost_per_transaction AS
WITH cost AS (
  SELECT region_code, period_type, period, SUM(amount) * 10000 AS cost_yuan
  FROM mart_report_period WHERE figure = 'running_cost' GROUP BY ALL
), completed AS (
  SELECT region_code, period_type, period, SUM(completed) AS completed
  FROM mart_case_period GROUP BY ALL
)
SELECT c.region_code, c.period_type, c.period, 'cost_per_transaction' AS metric,
       c.cost_yuan AS numerator, d.completed AS denominator
FROM cost c JOIN completed d USING (region_code, period_type, period);
