-- Materialized comparisons, refreshed with the metric values they read.
CREATE OR REPLACE TABLE mart_compare_vertical AS SELECT * FROM v_compare_vertical;
CREATE OR REPLACE TABLE mart_compare_horizontal AS SELECT * FROM v_compare_horizontal;
