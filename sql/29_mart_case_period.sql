-- Case measures per region and period, materialized with the other marts after each
-- collector run: five indicator views read it, and would otherwise each re-evaluate it.
-- Like every mart, it is refreshed for the periods in_refresh() names (sql/07_refresh.sql).
CREATE TABLE IF NOT EXISTS mart.mart_case_period AS FROM v_case_period LIMIT 0;
DELETE FROM mart.mart_case_period WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_case_period FROM v_case_period WHERE in_refresh(period_type, period);
