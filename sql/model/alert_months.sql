-- The months alerts are evaluated for: the latest `lookback` months with indicator values.
CREATE OR REPLACE MACRO alert_months(lookback) AS TABLE
SELECT p.period
FROM dim_period p
WHERE p.period_type = 'month'
  AND p.ord > (SELECT max(q.ord) FROM mart_metric_value m JOIN dim_period q ON q.period_type = 'month' AND q.period = m.period
               WHERE m.period_type = 'month') - lookback
  AND p.ord <= (SELECT max(q.ord) FROM mart_metric_value m JOIN dim_period q ON q.period_type = 'month' AND q.period = m.period
                WHERE m.period_type = 'month');
