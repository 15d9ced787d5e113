-- Every region paired with itself and each region below it (any level), for "within this
-- region" filters on the dashboards. Counties-only sums use dim_region_rollup instead.
CREATE OR REPLACE VIEW v_region_tree AS
WITH RECURSIVE tree(ancestor, code, depth) AS (
  SELECT code, code, 0 FROM dim_region
  UNION ALL
  SELECT t.ancestor, r.code, t.depth + 1
  FROM tree t JOIN dim_region r ON r.parent_code = t.code
)
SELECT t.ancestor, t.code, t.depth, r.name, r.level, r.parent_code
FROM tree t JOIN dim_region r ON r.code = t.code;
