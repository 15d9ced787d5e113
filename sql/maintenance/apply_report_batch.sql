-- Applies staged report figures (temp table stage_report). Natural key: region, month,
-- metric, version. A restatement is a new version and leaves the old one in place.
DELETE FROM raw_report r USING stage_report s
WHERE r.region_code = s.region_code AND r.period_month = s.period_month
  AND r.metric = s.metric AND r.version = s.version;

INSERT INTO raw_report
SELECT * FROM stage_report
QUALIFY row_number() OVER (PARTITION BY region_code, period_month, metric, version
                           ORDER BY submitted_at DESC) = 1;
