-- Materialized at start and after each collector run (files named NN_mart_* are the refresh),
-- for the periods in_refresh() names.
CREATE TABLE IF NOT EXISTS mart.mart_metric_value AS FROM v_metric_value LIMIT 0;
DELETE FROM mart.mart_metric_value WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_metric_value FROM v_metric_value WHERE in_refresh(period_type, period);
