-- Case measures per region and period, materialized with the other marts after each
-- collector run: five indicator views read it, and would otherwise each re-evaluate it.
CREATE OR REPLACE TABLE mart_case_period AS SELECT * FROM v_case_period;
