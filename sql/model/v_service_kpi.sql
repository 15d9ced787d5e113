-- 服务关键指标: the four service KPIs GOV.UK's Service Manual makes mandatory, per region and
-- period, from the computed metrics (mart_metric_value) — digital take-up (数字化使用率:
-- 网上办理率 online_rate), user satisfaction (用户满意度: 好差评 好评率 good_rating_rate),
-- completion rate (办结率: 业务办结率 completion_rate) and cost per transaction (单笔经办成本:
-- cost_per_transaction, 元/件). Each with its value and the additive parts it is the ratio of,
-- and what the parts count; a KPI without a value for the region and period has no row. The
-- 机构自查 page's panel and /api/service-kpis read it.
CREATE OR REPLACE VIEW v_service_kpi AS
WITH kpi(ord, metric, kpi, numerator_label, denominator_label) AS (
  VALUES (1, 'online_rate', '数字化使用率', '网上、掌上受理件数', '受理件数'),
         (2, 'good_rating_rate', '用户满意度', '好评件数', '评价件数'),
         (3, 'completion_rate', '办结率', '办结件数', '终结件数（办结、撤回、不予受理或退回）'),
         (4, 'cost_per_transaction', '单笔经办成本', '运行费用（元）', '终结件数')
)
SELECT v.region_code, v.period_type, v.period, k.ord, k.kpi, v.metric, m.name AS metric_name, m.unit,
       v.numerator, v.denominator, v.value, k.numerator_label, k.denominator_label
FROM kpi k
JOIN mart_metric_value v ON v.metric = k.metric
JOIN dim_metric m ON m.code = v.metric;
