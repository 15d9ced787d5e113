-- Where a feed's history starts: the earliest cursor any of its runs started from. Records
-- changed before it were never collected, so periods before it are incomplete and are not
-- judged (a case accepted in September and completed in October arrives; one completed in
-- September does not). NULL (no runs, e.g. data loaded directly) means no limit.
CREATE OR REPLACE MACRO feed_covered_from(feed_name) AS (
  SELECT CAST(timezone('Asia/Shanghai', TRY_CAST(split_part(min(watermark_from), '|', 1) AS TIMESTAMPTZ)) AS DATE)
  FROM ops_run WHERE feed = feed_name AND watermark_from IS NOT NULL
);
