-- Applies one staged batch of cases (temp table stage_case) to raw_case and keeps the
-- agg_* tables exact by adding the batch's contributions and subtracting those of the
-- rows it replaces. Re-applying the same batch changes nothing. Runs inside the
-- collector's transaction.
--
-- Cost per batch is bounded by the batch, not by raw_case: raw_case stays in acceptance
-- order (new cases are appended sorted by accepted_at, a replaced case is updated in
-- place), so each row group holds about one day of acceptances and its zone map on
-- accepted_at lets the lookup below skip every row group outside the batch's range.

-- Latest version of each case in the batch, in acceptance order.
CREATE OR REPLACE TEMP TABLE batch_case AS
SELECT * FROM stage_case
QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY source_updated_at DESC) = 1
ORDER BY accepted_at;

-- A case's accepted_at never changes, so the batch's accepted_at range bounds the search.
-- Held as constants (variables are bound before planning) so the range becomes a scan
-- filter checked against zone maps, not a join evaluated row by row.
SET VARIABLE batch_from = (SELECT min(accepted_at) FROM batch_case);
SET VARIABLE batch_to = (SELECT max(accepted_at) FROM batch_case);

-- Rows being replaced.
CREATE OR REPLACE TEMP TABLE old_case AS
SELECT r.* FROM raw_case r
WHERE r.accepted_at BETWEEN getvariable('batch_from') AND getvariable('batch_to')
  AND r.case_id IN (SELECT case_id FROM batch_case);

-- Facts of both sides, computed once (calendar joins) and read by each measure.
CREATE OR REPLACE TEMP TABLE batch_facts AS SELECT * FROM case_facts('batch_case');
CREATE OR REPLACE TEMP TABLE old_facts AS SELECT * FROM case_facts('old_case');

CREATE OR REPLACE TEMP TABLE delta_case_day AS
SELECT region_code, day, item,
       SUM(accepted) AS accepted, SUM(accepted_online) AS accepted_online,
       SUM(due) AS due, SUM(due_on_time) AS due_on_time, SUM(completed) AS completed,
       SUM(completed_seconds) AS completed_seconds, SUM(completed_workdays) AS completed_workdays
FROM (
  SELECT * FROM case_day_measures('batch_facts')
  UNION ALL
  SELECT region_code, day, item, -accepted, -accepted_online, -due, -due_on_time,
         -completed, -completed_seconds, -completed_workdays
  FROM case_day_measures('old_facts')
)
GROUP BY ALL
HAVING SUM(accepted) <> 0 OR SUM(accepted_online) <> 0 OR SUM(due) <> 0 OR SUM(due_on_time) <> 0
    OR SUM(completed) <> 0 OR SUM(completed_seconds) <> 0 OR SUM(completed_workdays) <> 0;

MERGE INTO agg_case_day a
USING delta_case_day d
ON a.region_code = d.region_code AND a.day = d.day AND a.item = d.item
WHEN MATCHED THEN UPDATE SET
  accepted = a.accepted + d.accepted,
  accepted_online = a.accepted_online + d.accepted_online,
  due = a.due + d.due,
  due_on_time = a.due_on_time + d.due_on_time,
  completed = a.completed + d.completed,
  completed_seconds = a.completed_seconds + d.completed_seconds,
  completed_workdays = a.completed_workdays + d.completed_workdays
WHEN NOT MATCHED THEN INSERT VALUES (d.region_code, d.day, d.item, d.accepted, d.accepted_online,
  d.due, d.due_on_time, d.completed, d.completed_seconds, d.completed_workdays);

-- A key whose measures all cancel out (a case moved to another day) is removed, as a
-- full recompute would not have it.
DELETE FROM agg_case_day a USING delta_case_day d
WHERE a.region_code = d.region_code AND a.day = d.day AND a.item = d.item
  AND a.accepted = 0 AND a.accepted_online = 0 AND a.due = 0 AND a.due_on_time = 0
  AND a.completed = 0 AND a.completed_seconds = 0 AND a.completed_workdays = 0;

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

CREATE OR REPLACE TEMP TABLE delta_case_duration AS
SELECT region_code, day, unit, bucket, SUM(cases) AS cases
FROM (
  SELECT * FROM case_duration_measures('batch_facts')
  UNION ALL
  SELECT region_code, day, unit, bucket, -cases FROM case_duration_measures('old_facts')
)
GROUP BY ALL
HAVING SUM(cases) <> 0;

MERGE INTO agg_case_duration_month a
USING delta_case_duration d
ON a.region_code = d.region_code AND a.day = d.day AND a.unit = d.unit AND a.bucket = d.bucket
WHEN MATCHED THEN UPDATE SET cases = a.cases + d.cases
WHEN NOT MATCHED THEN INSERT VALUES (d.region_code, d.day, d.unit, d.bucket, d.cases);

DELETE FROM agg_case_duration_month a USING delta_case_duration d
WHERE a.cases = 0 AND a.region_code = d.region_code AND a.day = d.day
  AND a.unit = d.unit AND a.bucket = d.bucket;

-- The marts are stale from the first day whose measures changed (sql/07_refresh.sql).
UPDATE ops_refresh SET
  marts_from = least(marts_from, d.first_day), scores_from = least(scores_from, d.first_day)
FROM (SELECT min(day) AS first_day FROM (SELECT day FROM delta_case_day UNION ALL SELECT day FROM delta_case_duration)) d
WHERE d.first_day IS NOT NULL;

-- Replaced cases are updated in place (keeping raw_case in acceptance order); new ones appended.
UPDATE raw_case r SET
  region_code = b.region_code, item = b.item, channel = b.channel, accepted_at = b.accepted_at,
  completed_at = b.completed_at,
  limit_days = b.limit_days, source_updated_at = b.source_updated_at, run_id = b.run_id
FROM batch_case b
WHERE r.case_id = b.case_id
  AND r.accepted_at BETWEEN getvariable('batch_from') AND getvariable('batch_to');

INSERT INTO raw_case
SELECT * FROM batch_case WHERE case_id NOT IN (SELECT case_id FROM old_case)
ORDER BY accepted_at;
