-- Ended cases per county, completion month and outcome (agg_case_outcome_month), from a
-- relation with case_facts' columns (v_case for a full recompute, a batch's facts for the
-- collectors' incremental maintenance).
CREATE OR REPLACE MACRO case_outcome_measures(facts) AS TABLE
SELECT region_code, CAST(date_trunc('month', completed_day) AS DATE) AS day, outcome, COUNT(*) AS cases
FROM query_table(facts)
WHERE completed_day IS NOT NULL
GROUP BY ALL;
