-- Applies staged ratings (temp table stage_rating). Natural key: case_id; the latest state
-- from the source wins (a 差评 visited back, then rectified).
CREATE OR REPLACE TEMP TABLE batch_rating AS
SELECT * FROM stage_rating
QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY source_updated_at DESC) = 1;

-- The marts are stale from the earliest day a changed rating counts on, old or new version:
-- its case's completion (评价率) comes first (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT CAST(min(completed_at) AS DATE) AS first_day FROM (
        SELECT completed_at FROM batch_rating
        UNION ALL
        SELECT r.completed_at FROM raw_rating r JOIN batch_rating b USING (case_id))) d
WHERE d.first_day IS NOT NULL;

DELETE FROM raw_rating r USING batch_rating b WHERE r.case_id = b.case_id;

INSERT INTO raw_rating SELECT * FROM batch_rating;
