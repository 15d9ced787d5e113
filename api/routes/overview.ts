// Views for the leadership and agency pages: the month's biggest movers, the
// regions × months heat map, and a region's every metric against its peers' median. All
// read the marts only, so through the read cache (Database.martQuery).
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { readRoute, type TableReads } from '../table-route.js';

export type OverviewPath = '/api/movers' | '/api/heatmap' | '/api/peer-series';

export function overviewReads(db: Database): TableReads<OverviewPath> {
  return {
    // Regions of one level under a region, ordered by the size of their 环比 change.
    '/api/movers': ({ metric, region, level, period, limit }, select) =>
      db.martQuery(
        `SELECT ${select(
          {
            region_code: true,
            region_name: true,
            level: true,
            parent_code: true,
            period: true,
            metric: true,
            value: true,
            prev_value: true,
            mom_change: true,
            improvement: true,
          },
          'm',
        )}
       FROM v_movers m JOIN v_region_tree t ON t.code = m.region_code AND t.ancestor = $region
       WHERE m.metric = $metric AND m.level = $level AND m.period_type = 'month' AND m.period = $period
       ORDER BY abs(m.mom_change) DESC, m.region_code LIMIT $limit`,
        { metric, region, level, period, limit },
      ),

    // Children of a region × months: each cell's value, its rank among the siblings and how far
    // it falls short of their median.
    '/api/heatmap': ({ metric, parent, from = '', to = '9999' }, select) =>
      db.martQuery(
        `SELECT ${select({ region_code: true, region_name: 'r.name', period: true, value: true, rank: true, peers: true, peer_median: true, shortfall: true }, 'h')}
       FROM mart_compare_horizontal h JOIN dim_region r ON r.code = h.region_code
       WHERE h.metric = $metric AND h.parent_code = $parent AND h.period_type = 'month' AND h.period BETWEEN $from AND $to
       ORDER BY h.region_code, h.period`,
        { metric, parent, from, to },
      ),

    // One region, every metric, month by month, against the median of its sibling regions.
    '/api/peer-series': ({ region, period_type, from = '', to = '9999' }, select) =>
      db.martQuery(
        `SELECT ${select(
          {
            region_code: true,
            parent_code: true,
            period: true,
            metric: true,
            metric_name: 'm.name',
            unit: 'm.unit',
            value: true,
            peer_median: true,
            gap_to_median: true,
            worse_than_median: true,
            rank: true,
            peers: true,
          },
          'h',
        )}
       FROM mart_compare_horizontal h JOIN dim_metric m ON m.code = h.metric
       WHERE h.region_code = $region AND h.period_type = $period_type AND h.period BETWEEN $from AND $to
       ORDER BY m.appendix_code NULLS LAST, h.metric, h.period`,
        { region, period_type, from, to },
      ),
  };
}

export function overviewRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  const reads = overviewReads(db);
  readRoute(app, dims, reads, '/api/movers', ({ metric, region, period }) => `movers-${metric}-${region}-${period}`);
  readRoute(app, dims, reads, '/api/heatmap', ({ metric, parent }) => `heatmap-${metric}-${parent}`);
  readRoute(app, dims, reads, '/api/peer-series', ({ region }) => `peers-${region}`);
  return app;
}
