-- Materialized at start and after each collector run (files named NN_mart_* are the refresh).
CREATE OR REPLACE TABLE mart_metric_value AS SELECT * FROM v_metric_value;
