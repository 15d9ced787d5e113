-- Audit trail of statistical reports (统计报表): every version of every figure as it was
-- submitted, whether it is the version indicators use now (the report's current version
-- in v_report_current) and the figure of the version it replaced. A restated report
-- supersedes the old one in indicators; the old one stays here.
CREATE OR REPLACE VIEW v_report_version AS
SELECT r.region_code, r.period_month, r.metric, r.version, r.value, r.submitted_at, r.run_id,
       c.version IS NOT NULL AS is_current,
       lag(r.version) OVER w AS previous_version,
       lag(r.value) OVER w AS previous_value
FROM raw_report r
LEFT JOIN v_report_current c
  ON c.region_code = r.region_code AND c.period_month = r.period_month AND c.metric = r.metric AND c.version = r.version
WINDOW w AS (PARTITION BY r.region_code, r.period_month, r.metric ORDER BY r.version);
