-- Report figures per region and period (v_report_period), materialized with the other marts
-- after each collector run: every statistical indicator view reads it.
CREATE OR REPLACE TABLE mart_report_period AS SELECT * FROM v_report_period;
