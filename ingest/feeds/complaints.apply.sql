-- Applies staged complaints (temp table stage_complaint). Natural key: complaint_id; the
-- latest state from the source wins (answered, then resolved).
CREATE OR REPLACE TEMP TABLE batch_complaint AS
SELECT * FROM stage_complaint
QUALIFY row_number() OVER (PARTITION BY complaint_id ORDER BY source_updated_at DESC) = 1;

-- The marts are stale from the day a changed complaint was received, old or new version
-- (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT CAST(min(received_at) AS DATE) AS first_day FROM (
        SELECT received_at FROM batch_complaint
        UNION ALL
        SELECT r.received_at FROM raw_complaint r JOIN batch_complaint b USING (complaint_id))) d
WHERE d.first_day IS NOT NULL;

DELETE FROM raw_complaint r USING batch_complaint b WHERE r.complaint_id = b.complaint_id;

INSERT INTO raw_complaint SELECT * FROM batch_complaint;
