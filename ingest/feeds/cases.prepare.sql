-- First half of applying a staged batch of cases (temp table stage_case): everything that
-- only reads — the batch's latest versions, the rows they replace, and the contributions of
-- both to the aggregates — into temp tables (views where a table would only copy). The runner runs it before the batch's
-- transaction (ingest/runner.ts), because temp tables built inside a transaction live in
-- its local storage and are several times slower to build and read; nothing here needs to
-- be undone. cases.apply.sql then writes, in the transaction.
--
-- Cost per batch is bounded by the batch, not by raw_case: raw_case stays in acceptance
-- order (new cases are appended sorted by accepted_at, a replaced case is updated in
-- place), so each row group holds about one day of acceptances and its zone map on
-- accepted_at lets the lookup below skip every row group outside the batch's range.

-- Latest version of each case in the batch. Most batches repeat no case: then the batch is
-- the stage as it is (a view, not a copy: copying 10^5 rows costs more than reading them
-- again); otherwise the latest versions are kept once, in a table (read five times). The
-- variable is bound when a statement is planned, so the branch not taken is planned away.
SET VARIABLE batch_repeats = (SELECT count(*) - count(DISTINCT case_id) FROM stage_case);
CREATE OR REPLACE TEMP TABLE latest_case AS
SELECT * FROM stage_case WHERE getvariable('batch_repeats') > 0
QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY source_updated_at DESC) = 1;
CREATE OR REPLACE TEMP VIEW batch_case AS
SELECT * FROM stage_case WHERE getvariable('batch_repeats') = 0
UNION ALL
FROM latest_case;

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

-- Versions replacing a stored case (updated in place, keeping raw_case in acceptance
-- order) and new cases (appended in acceptance order, sorted as cases.apply.sql inserts
-- them: a view, read once).
CREATE OR REPLACE TEMP TABLE replacing_case AS
SELECT * FROM batch_case WHERE case_id IN (SELECT case_id FROM old_case);
CREATE OR REPLACE TEMP VIEW new_case AS
SELECT * FROM batch_case WHERE case_id NOT IN (SELECT case_id FROM old_case);

-- Facts of both sides, computed once (calendar joins) and read by each measure; only the
-- columns the measures read.
CREATE OR REPLACE TEMP MACRO measure_facts(cases) AS TABLE
SELECT region_code, item, accepted_day, due_day, completed_day, is_online, on_time,
       handling_workdays, handling_seconds, handling_hours, outcome
FROM case_facts(cases);
CREATE OR REPLACE TEMP TABLE batch_facts AS FROM measure_facts('batch_case');
CREATE OR REPLACE TEMP TABLE old_facts AS FROM measure_facts('old_case');

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

CREATE OR REPLACE TEMP TABLE delta_case_duration AS
SELECT region_code, day, unit, bucket, SUM(cases) AS cases
FROM (
  SELECT * FROM case_duration_measures('batch_facts')
  UNION ALL
  SELECT region_code, day, unit, bucket, -cases FROM case_duration_measures('old_facts')
)
GROUP BY ALL
HAVING SUM(cases) <> 0;

-- Ended cases by outcome: a case changing its outcome (withdrawn, then restated as completed)
-- moves between outcomes of the same month, which agg_case_day does not see.
CREATE OR REPLACE TEMP TABLE delta_case_outcome AS
SELECT region_code, day, outcome, SUM(cases) AS cases
FROM (
  SELECT * FROM case_outcome_measures('batch_facts')
  UNION ALL
  SELECT region_code, day, outcome, -cases FROM case_outcome_measures('old_facts')
)
GROUP BY ALL
HAVING SUM(cases) <> 0;

-- The aggregates' rows for the keys the batch touches: stored plus delta, so that applying
-- them is a delete and an insert (several times faster than MERGE inside a transaction).
CREATE OR REPLACE TEMP TABLE merged_case_day AS
SELECT d.region_code, d.day, d.item,
       coalesce(a.accepted, 0) + d.accepted AS accepted,
       coalesce(a.accepted_online, 0) + d.accepted_online AS accepted_online,
       coalesce(a.due, 0) + d.due AS due,
       coalesce(a.due_on_time, 0) + d.due_on_time AS due_on_time,
       coalesce(a.completed, 0) + d.completed AS completed,
       coalesce(a.completed_seconds, 0) + d.completed_seconds AS completed_seconds,
       coalesce(a.completed_workdays, 0) + d.completed_workdays AS completed_workdays
FROM delta_case_day d
LEFT JOIN agg_case_day a ON a.region_code = d.region_code AND a.day = d.day AND a.item = d.item;

CREATE OR REPLACE TEMP TABLE merged_case_duration AS
SELECT d.region_code, d.day, d.unit, d.bucket, coalesce(a.cases, 0) + d.cases AS cases
FROM delta_case_duration d
LEFT JOIN agg_case_duration_month a
  ON a.region_code = d.region_code AND a.day = d.day AND a.unit = d.unit AND a.bucket = d.bucket;

CREATE OR REPLACE TEMP TABLE merged_case_outcome AS
SELECT d.region_code, d.day, d.outcome, coalesce(a.cases, 0) + d.cases AS cases
FROM delta_case_outcome d
LEFT JOIN agg_case_outcome_month a
  ON a.region_code = d.region_code AND a.day = d.day AND a.outcome = d.outcome;
