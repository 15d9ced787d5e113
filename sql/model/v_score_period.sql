-- Regions and periods to score: those with any data — computed values, or manual scores for a year.
CREATE OR REPLACE VIEW v_score_period AS
SELECT DISTINCT region_code, period_type, period FROM v_score_metric
UNION
SELECT region_code, 'year', CAST(year AS VARCHAR) FROM raw_manual_score;
