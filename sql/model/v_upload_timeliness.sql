-- 数据上报及时率 (Appendix A 3.5.2 a): upload obligations whose deadline falls in the period
-- and has passed; numerator those uploaded no later than the deadline. A late upload
-- stays late; a missing upload counts as not on time.
CREATE OR REPLACE VIEW v_upload_timeliness AS
SELECT r.region_code, p.period_type, p.period, 'upload_timeliness' AS metric,
       COUNT(*) FILTER (WHERE u.uploaded_at IS NOT NULL AND u.uploaded_at <= u.due_at) AS numerator,
       COUNT(*) AS denominator
FROM raw_upload u
JOIN dim_region_rollup r ON r.county_code = u.region_code
JOIN dim_day_period p ON p.day = CAST(u.due_at AS DATE)
WHERE u.due_at <= as_of_ts()
  AND CAST(u.due_at AS DATE) >= coalesce(feed_covered_from('uploads'), DATE '1900-01-01')
GROUP BY ALL;
