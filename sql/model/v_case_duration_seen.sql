-- Handling-time histogram of the months the case feed has fully seen (agg_case_duration_month
-- is per county and completion month), the base of the median and P90 in v_handling_quantiles.
CREATE OR REPLACE VIEW v_case_duration_seen AS
SELECT * FROM agg_case_duration_month
WHERE day >= coalesce(feed_covered_from('cases'), DATE '1900-01-01');
