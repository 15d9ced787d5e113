-- Second half of applying a staged batch of cases, after cases.prepare.sql: writes
-- raw_case and keeps the agg_* tables exact by adding the batch's contributions and
-- subtracting those of the rows it replaces. Re-applying the same batch changes nothing.
-- Runs inside the collector's transaction.

-- The touched keys replaced by their merged rows (cases.prepare.sql); a key whose
-- measures all cancel out (a case moved to another day) is left out, as a full recompute
-- would not have it.
DELETE FROM agg_case_day a USING delta_case_day d
WHERE a.region_code = d.region_code AND a.day = d.day AND a.item = d.item;

INSERT INTO agg_case_day SELECT * FROM merged_case_day
WHERE accepted <> 0 OR accepted_online <> 0 OR due <> 0 OR due_on_time <> 0
   OR completed <> 0 OR completed_seconds <> 0 OR completed_workdays <> 0;

-- Folding: the daily rows of months that ended before both today and the month before the
-- latest data are folded into one row per county, item and month, dated the month's first
-- day. The views read agg_case_day through dim_day_period (the first day lies in the same
-- month, quarter and year) and judge deadlines against today (every day of such a month
-- is before it), so every indicator is unchanged, while the table — which the marts'
-- refresh reads in full — stays at counties × items × (months + about two months of days)
-- instead of growing with every day of history. A late change to a folded month lands as
-- a daily row and is folded by the next batch.
SET VARIABLE fold_before = case_day_fold_before();

CREATE OR REPLACE TEMP TABLE folded_case_day AS
SELECT region_code, CAST(date_trunc('month', day) AS DATE) AS day, item,
       SUM(accepted) AS accepted, SUM(accepted_online) AS accepted_online,
       SUM(due) AS due, SUM(due_on_time) AS due_on_time, SUM(completed) AS completed,
       SUM(completed_seconds) AS completed_seconds, SUM(completed_workdays) AS completed_workdays
FROM agg_case_day
WHERE day < getvariable('fold_before')
GROUP BY ALL
HAVING count(*) > 1 OR min(day) <> date_trunc('month', min(day));

DELETE FROM agg_case_day a USING folded_case_day f
WHERE a.day < getvariable('fold_before') AND f.region_code = a.region_code AND f.item = a.item
  AND f.day = CAST(date_trunc('month', a.day) AS DATE);

INSERT INTO agg_case_day SELECT * FROM folded_case_day
WHERE accepted <> 0 OR accepted_online <> 0 OR due <> 0 OR due_on_time <> 0
   OR completed <> 0 OR completed_seconds <> 0 OR completed_workdays <> 0
ORDER BY day;

DELETE FROM agg_case_duration_month a USING delta_case_duration d
WHERE a.region_code = d.region_code AND a.day = d.day AND a.unit = d.unit AND a.bucket = d.bucket;

INSERT INTO agg_case_duration_month SELECT * FROM merged_case_duration WHERE cases <> 0;

DELETE FROM agg_case_outcome_month a USING delta_case_outcome d
WHERE a.region_code = d.region_code AND a.day = d.day AND a.outcome = d.outcome;

INSERT INTO agg_case_outcome_month BY NAME SELECT * FROM merged_case_outcome WHERE cases <> 0;

-- The marts are stale from the first day whose measures changed (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT min(day) AS first_day FROM (SELECT day FROM delta_case_day UNION ALL SELECT day FROM delta_case_duration
                                          UNION ALL SELECT day FROM delta_case_outcome)) d
WHERE d.first_day IS NOT NULL;

UPDATE raw_case r SET
  region_code = b.region_code, item = b.item, channel = b.channel, accepted_at = b.accepted_at,
  completed_at = b.completed_at, outcome = b.outcome,
  limit_days = b.limit_days, source_updated_at = b.source_updated_at, run_id = b.run_id
FROM replacing_case b
WHERE r.case_id = b.case_id
  AND r.accepted_at BETWEEN getvariable('batch_from') AND getvariable('batch_to');

-- By name: the stage's columns are the feed's (ingest/feeds/cases.ts), outcome among them.
INSERT INTO raw_case BY NAME FROM new_case ORDER BY accepted_at;
