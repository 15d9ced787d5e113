-- Applies staged report figures (temp table stage_report). Natural key: region, month,
-- metric, version. A restatement is a new version and leaves the old one in place.

-- The marts are stale from the earliest month reported (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, s.first_day), scores_from = least(scores_from, s.first_day)
FROM (SELECT min(period_month) AS first_day FROM stage_report) s
WHERE s.first_day IS NOT NULL;

DELETE FROM raw_report r USING stage_report s
WHERE r.region_code = s.region_code AND r.period_month = s.period_month
  AND r.metric = s.metric AND r.version = s.version;

INSERT INTO raw_report
SELECT * FROM stage_report
QUALIFY row_number() OVER (PARTITION BY region_code, period_month, metric, version
                           ORDER BY submitted_at DESC) = 1;
