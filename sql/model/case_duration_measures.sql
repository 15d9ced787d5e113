-- Handling-time histogram of completed cases, per completion month (agg_case_duration_month).
CREATE OR REPLACE MACRO case_duration_measures(facts) AS TABLE
SELECT region_code, CAST(date_trunc('month', completed_day) AS DATE) AS day, unit, bucket, COUNT(*) AS cases
FROM (
  SELECT region_code, completed_day, 'workdays' AS unit, handling_workdays AS bucket
  FROM query_table(facts) WHERE completed_day IS NOT NULL
  UNION ALL
  SELECT region_code, completed_day, 'hours', CAST(floor(handling_hours) AS INTEGER)
  FROM query_table(facts) WHERE completed_day IS NOT NULL
)
GROUP BY ALL;
