-- Applies staged upload obligations (temp table stage_upload). Natural key: region,
-- dataset, period; the latest state from the source wins (e.g. uploaded late).
CREATE OR REPLACE TEMP TABLE batch_upload AS
SELECT * FROM stage_upload
QUALIFY row_number() OVER (PARTITION BY region_code, dataset, period_month
                           ORDER BY source_updated_at DESC) = 1;

-- The marts are stale from the earliest deadline of a changed obligation, old or new
-- version (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT CAST(min(due_at) AS DATE) AS first_day FROM (
        SELECT due_at FROM batch_upload
        UNION ALL
        SELECT r.due_at FROM raw_upload r JOIN batch_upload b USING (region_code, dataset, period_month))) d
WHERE d.first_day IS NOT NULL;

DELETE FROM raw_upload r USING batch_upload b
WHERE r.region_code = b.region_code AND r.dataset = b.dataset AND r.period_month = b.period_month;

INSERT INTO raw_upload SELECT * FROM batch_upload;
