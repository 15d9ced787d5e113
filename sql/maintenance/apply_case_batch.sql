-- Applies one staged batch of cases (temp table stage_case) to raw_case and keeps the
-- agg_* tables exact by adding the batch's contributions and subtracting those of the
-- rows it replaces. Re-applying the same batch changes nothing. Runs inside the
-- collector's transaction.

-- Latest version of each case in the batch.
CREATE OR REPLACE TEMP TABLE batch_case AS
SELECT * FROM stage_case
QUALIFY row_number() OVER (PARTITION BY case_id ORDER BY source_updated_at DESC) = 1;

-- Rows being replaced. A case's accepted_at never changes, so the accepted_at range
-- of the batch bounds the search (and lets DuckDB skip row groups by zone maps).
CREATE OR REPLACE TEMP TABLE old_case AS
SELECT r.* FROM raw_case r
WHERE r.accepted_at BETWEEN (SELECT min(accepted_at) FROM batch_case)
                        AND (SELECT max(accepted_at) FROM batch_case)
  AND r.case_id IN (SELECT case_id FROM batch_case);

CREATE OR REPLACE TEMP TABLE delta_case_day AS
SELECT region_code, day, item,
       SUM(accepted) AS accepted, SUM(accepted_online) AS accepted_online,
       SUM(due) AS due, SUM(due_on_time) AS due_on_time, SUM(completed) AS completed,
       SUM(completed_seconds) AS completed_seconds, SUM(completed_workdays) AS completed_workdays
FROM (
  SELECT * FROM case_day_measures('batch_case')
  UNION ALL
  SELECT region_code, day, item, -accepted, -accepted_online, -due, -due_on_time,
         -completed, -completed_seconds, -completed_workdays
  FROM case_day_measures('old_case')
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

CREATE OR REPLACE TEMP TABLE delta_case_duration AS
SELECT region_code, day, item, unit, bucket, SUM(cases) AS cases
FROM (
  SELECT * FROM case_duration_measures('batch_case')
  UNION ALL
  SELECT region_code, day, item, unit, bucket, -cases FROM case_duration_measures('old_case')
)
GROUP BY ALL
HAVING SUM(cases) <> 0;

MERGE INTO agg_case_duration a
USING delta_case_duration d
ON a.region_code = d.region_code AND a.day = d.day AND a.item = d.item
   AND a.unit = d.unit AND a.bucket = d.bucket
WHEN MATCHED THEN UPDATE SET cases = a.cases + d.cases
WHEN NOT MATCHED THEN INSERT VALUES (d.region_code, d.day, d.item, d.unit, d.bucket, d.cases);

DELETE FROM agg_case_duration WHERE cases = 0;

DELETE FROM raw_case
WHERE accepted_at BETWEEN (SELECT min(accepted_at) FROM batch_case)
                      AND (SELECT max(accepted_at) FROM batch_case)
  AND case_id IN (SELECT case_id FROM old_case);

INSERT INTO raw_case SELECT * FROM batch_case;
