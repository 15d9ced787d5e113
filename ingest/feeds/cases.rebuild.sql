-- Rebuilds the case aggregates from raw_case (full recompute): after a change of their
-- definition, or to repair. Run on the writer, e.g. with runScript; one transaction.
BEGIN TRANSACTION;
DELETE FROM agg_case_day;
INSERT INTO agg_case_day SELECT * FROM case_day_measures_folded('v_case', DATE '0001-01-01') ORDER BY day;
DELETE FROM agg_case_duration_month;
INSERT INTO agg_case_duration_month SELECT * FROM case_duration_measures('v_case') ORDER BY day;
DELETE FROM agg_case_outcome_month;
INSERT INTO agg_case_outcome_month BY NAME SELECT * FROM case_outcome_measures('v_case') ORDER BY day;
-- Every period may have changed: the next refresh recomputes all (ops_refresh, sql/storage/operations.sql).
UPDATE ops_refresh SET marts_from = DATE '1900-01-01', scores_from = DATE '1900-01-01';
COMMIT;
