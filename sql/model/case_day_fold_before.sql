-- agg_case_day keeps the days before this one folded per month (see the folding step of
-- ingest/feeds/cases.apply.sql): the earlier of this month and the month before
-- the latest data.
CREATE OR REPLACE MACRO case_day_fold_before() AS (
  SELECT least(date_trunc('month', CAST(as_of_ts() AS DATE)), date_trunc('month', max(day)) - INTERVAL 1 MONTH)
  FROM agg_case_day);
