-- Materialized scores (mart_score_*, created in 55_scores_rolled_up.sql), for the periods
-- in_refresh() names: a score reads its own period's values, and year to date the earlier
-- months of its year. Not named NN_mart_* on purpose: the collectors refresh those after
-- every few pages, and scoring every region and period is too heavy for that; this file
-- runs at start, at the end of each collector run and after each manual-score import.
-- In order: item and total scores read the indicator scores.
DELETE FROM mart.mart_score_indicator WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_score_indicator FROM v_score_indicator WHERE in_refresh(period_type, period);
DELETE FROM mart.mart_score_item WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_score_item FROM v_score_item WHERE in_refresh(period_type, period);
DELETE FROM mart.mart_score_total WHERE in_refresh(period_type, period);
INSERT INTO mart.mart_score_total FROM v_score_total WHERE in_refresh(period_type, period);
