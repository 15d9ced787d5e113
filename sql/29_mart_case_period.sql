-- Case measures and the handling-time histogram per region and period, materialized with
-- the other marts after each collector run; every case-based indicator view reads these.
CREATE OR REPLACE TABLE mart_case_period AS SELECT * FROM v_case_period;
CREATE OR REPLACE TABLE mart_case_duration_period AS SELECT * FROM v_case_duration_period;
