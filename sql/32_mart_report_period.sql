-- Report figures per region and period (v_report_period), materialized with the other marts
-- after each collector run: every statistical indicator view reads it. Inserted sorted by
-- figure, so an indicator reading two figures skips most other figures' row groups.
CREATE TABLE IF NOT EXISTS mart.mart_report_period AS FROM v_report_period LIMIT 0;
DELETE FROM mart.mart_report_period WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_report_period FROM v_report_period WHERE in_refresh(period_type, period) ORDER BY figure;
