-- Applies staged upload obligations (temp table stage_upload). Natural key: region,
-- dataset, period; the latest state from the source wins (e.g. uploaded late).
CREATE OR REPLACE TEMP TABLE batch_upload AS
SELECT * FROM stage_upload
QUALIFY row_number() OVER (PARTITION BY region_code, dataset, period_month
                           ORDER BY source_updated_at DESC) = 1;

DELETE FROM raw_upload r USING batch_upload b
WHERE r.region_code = b.region_code AND r.dataset = b.dataset AND r.period_month = b.period_month;

INSERT INTO raw_upload SELECT * FROM batch_upload;
