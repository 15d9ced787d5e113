-- Report figures per region and period (v_report_period), materialized with the other marts
-- after each collector run: every statistical indicator view reads it. Sorted by figure, so
-- an indicator reading two figures skips the other figures' row groups.
CREATE OR REPLACE TABLE mart_report_period AS SELECT * FROM v_report_period ORDER BY figure;
