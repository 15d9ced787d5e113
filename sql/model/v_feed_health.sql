-- Collector health, one row per collector (operations view, not an Appendix A indicator):
-- its last run and status, its last successful run and how long ago that was, how far
-- behind the source its data is (watermark time to now), what it has loaded and
-- rejected in all and in the last 24 hours, retries, and the failed runs since its last
-- success. Times are China Standard Time wall clock, as ops_run records them.
CREATE OR REPLACE VIEW v_feed_health AS
WITH runs AS (
  SELECT feed,
         max(run_id) AS last_run_id,
         arg_max(status, run_id) AS last_status,
         arg_max_null(error, run_id) AS last_error,  -- NULL once the last run succeeded
         max(started_at) AS last_run_at,
         max(run_id) FILTER (WHERE status = 'ok') AS last_ok_run_id,
         max(ended_at) FILTER (WHERE status = 'ok') AS last_success_at,
         sum(rows_in) AS rows_in,
         sum(rows_written) AS rows_written,
         sum(rows_rejected) AS rows_rejected,
         coalesce(sum(rows_in) FILTER (WHERE started_at >= as_of_ts() - INTERVAL 24 HOUR), 0) AS rows_in_24h,
         coalesce(sum(rows_rejected) FILTER (WHERE started_at >= as_of_ts() - INTERVAL 24 HOUR), 0) AS rows_rejected_24h,
         sum(retries) AS retries
  FROM ops_run GROUP BY feed
)
SELECT r.feed, r.last_status, r.last_error, r.last_run_at, r.last_success_at,
       date_diff('second', r.last_success_at, as_of_ts()) AS seconds_since_success,
       w.watermark,
       date_diff('second', timezone('Asia/Shanghai', try_cast(split_part(w.watermark, '|', 1) AS TIMESTAMPTZ)), as_of_ts()) AS data_lag_seconds,
       (SELECT count(*) FROM ops_run f WHERE f.feed = r.feed AND f.status = 'failed' AND f.run_id > coalesce(r.last_ok_run_id, 0)) AS failed_since_success,
       r.rows_in, r.rows_written, r.rows_rejected, r.rows_in_24h, r.rows_rejected_24h, r.retries,
       (SELECT count(*) FROM ops_quarantine q WHERE q.feed = r.feed) AS quarantined
FROM runs r LEFT JOIN ops_watermark w ON w.feed = r.feed;
