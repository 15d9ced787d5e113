-- Materialized comparisons, refreshed with the metric values they read. A vertical
-- comparison reads earlier periods only, a horizontal one the same period, so the periods
-- in_refresh() names are all that change.
CREATE TABLE IF NOT EXISTS mart.mart_compare_vertical AS FROM v_compare_vertical LIMIT 0;
DELETE FROM mart.mart_compare_vertical WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_compare_vertical FROM v_compare_vertical WHERE in_refresh(period_type, period);

CREATE TABLE IF NOT EXISTS mart.mart_compare_horizontal AS FROM v_compare_horizontal LIMIT 0;
DELETE FROM mart.mart_compare_horizontal WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_compare_horizontal FROM v_compare_horizontal WHERE in_refresh(period_type, period);
