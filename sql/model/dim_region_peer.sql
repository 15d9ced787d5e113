-- A table built at migrate from the seeds and the configured peer groups, like dim_region_rollup.
-- 同级 for 纵横比较法's horizontal comparison: a region is ranked among, and takes the median of,
-- the regions of its peer group (peer_scope, kind). A GB/T 2260 division is compared with the
-- divisions under the same parent (the counties of a city, the cities of a province); a
-- development zone (功能区) never with counties, only with zones: those of its city, or those of
-- its whole province when cfg_peer_group says within 'province' (config peerGroups.zone).
-- peer_scope: the region whose divisions or zones form the group. The root has no peers.
CREATE OR REPLACE TABLE dim_region_peer AS
SELECT r.code AS region_code, r.kind,
       CASE WHEN r.kind = 'zone' AND g.within = 'province' THEN parent.parent_code ELSE r.parent_code END AS peer_scope
FROM dim_region r
JOIN dim_region parent ON parent.code = r.parent_code
LEFT JOIN cfg_peer_group g ON g.kind = r.kind;
