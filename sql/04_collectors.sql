-- Storage added for the collectors' fault handling (after 00_tables.sql; idempotent).
-- ops_run.retries: source calls retried in the run (timeouts, 5xx), so a flaky source
-- shows in the run log even when the run succeeds. ops_run.trigger also takes 'backfill'
-- (a manual window run that leaves the watermark alone).
ALTER TABLE ops_run ADD COLUMN IF NOT EXISTS retries BIGINT DEFAULT 0;
