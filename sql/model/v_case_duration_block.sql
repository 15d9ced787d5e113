-- The 64-bucket block of a histogram bucket (also read by v_handling_quantiles).
CREATE OR REPLACE MACRO duration_block(bucket) AS CAST(floor(bucket / 64.0) AS INTEGER);

-- The same histogram per region of any level and period in blocks of 64 buckets (counties
-- summed into cities and the province through dim_region_rollup): v_handling_quantiles finds
-- the block holding a quantile here, then reads the exact buckets of that block only, so
-- the rollup of every whole-hour bucket (millions of rows) is never built.
CREATE OR REPLACE VIEW v_case_duration_block AS
WITH county AS (
  SELECT region_code, day, unit, duration_block(bucket) AS block, SUM(cases) AS cases
  FROM v_case_duration_seen GROUP BY ALL
)
SELECT r.region_code, p.period_type, p.period, c.unit, c.block, SUM(c.cases) AS cases
FROM county c
JOIN dim_region_rollup r ON r.county_code = c.region_code
JOIN dim_month_period p ON p.day = c.day
GROUP BY ALL;
