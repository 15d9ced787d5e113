-- Statistical report figures (统计分析法). A restated report arrives as a higher version;
-- indicators read only the current (highest) version, raw_report keeps every version.
CREATE OR REPLACE VIEW v_report_current AS
SELECT region_code, period_month, metric, value, version, submitted_at
FROM raw_report
QUALIFY row_number() OVER (PARTITION BY region_code, period_month, metric ORDER BY version DESC) = 1;
