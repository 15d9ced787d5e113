-- A table built at migrate from the seeds and the peer groups, like dim_region_rollup.
-- What a user whose region is scope_code may see (access/, api/route-rules.ts):
-- reach 'own'  — the region itself and every region below it (province → city → county);
-- reach 'peer' — what a 通报 publishes to it besides: the regions it is compared with
--               (dim_region_peer: its peer group) and the regions above it, whose children
--               are ranked. Indicator values and ranks only, never score breakdowns.
CREATE OR REPLACE TABLE dim_region_scope AS
WITH RECURSIVE below(scope_code, region_code) AS (
  SELECT code, code FROM dim_region
  UNION ALL
  SELECT b.scope_code, r.code FROM below b JOIN dim_region r ON r.parent_code = b.region_code
),
above(scope_code, region_code) AS (
  SELECT code, parent_code FROM dim_region WHERE parent_code IS NOT NULL
  UNION ALL
  SELECT a.scope_code, r.parent_code FROM above a JOIN dim_region r ON r.code = a.region_code WHERE r.parent_code IS NOT NULL
),
peers(scope_code, region_code) AS (
  SELECT me.region_code, p.region_code
  FROM dim_region_peer me
  JOIN dim_region_peer p ON p.peer_scope = me.peer_scope AND p.kind = me.kind AND p.region_code <> me.region_code
)
SELECT scope_code, region_code, 'own' AS reach FROM below
UNION ALL
SELECT scope_code, region_code, 'peer' FROM (FROM above UNION FROM peers EXCEPT FROM below);
