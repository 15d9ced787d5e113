-- A table built at migrate from the seeds, like dim_calendar.
-- Rollup bridge: every region paired with each county below it (a county with itself).
-- City and province figures are sums over their counties' additive parts.
CREATE OR REPLACE TABLE dim_region_rollup AS
WITH RECURSIVE tree(region_code, county_code, code) AS (
  SELECT code, code, code FROM dim_region
  UNION ALL
  SELECT t.region_code, r.code, r.code
  FROM tree t JOIN dim_region r ON r.parent_code = t.code
)
SELECT t.region_code, t.county_code
FROM tree t JOIN dim_region r ON r.code = t.county_code
WHERE r.level = 'county';
