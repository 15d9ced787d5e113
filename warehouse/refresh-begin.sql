-- Start of a refresh (refreshMarts in warehouse/refresh.ts): what to recompute, from
-- ops_refresh (sql/storage/operations.sql), into variables the refresh's transaction reads.

-- A backfill from further back changed which periods are judged: recompute everything.
UPDATE ops_refresh SET marts_from = DATE '1900-01-01', scores_from = DATE '1900-01-01', coverage = refresh_coverage()
WHERE coverage IS DISTINCT FROM refresh_coverage();

-- The day this refresh evaluates at; the next refresh starts from it.
SET VARIABLE refresh_today = CAST(as_of_ts() AS DATE);
SET VARIABLE marts_from = (SELECT marts_from FROM ops_refresh);
SET VARIABLE scores_from = (SELECT scores_from FROM ops_refresh);
