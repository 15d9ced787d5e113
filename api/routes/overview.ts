// Views for the leadership and agency pages: the month's biggest movers, the
// regions × months heat map, and a region's every metric against its peers' median.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { sendTable } from '../format.js';
import { tableRoute } from '../table-route.js';

export function overviewRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  // Regions of one level under a region, ordered by the size of their 环比 change.
  tableRoute(app, dims, '/api/movers', async ({ metric, region, level, period, limit }, c, select) => {
    const result = await db.query(
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
    );
    return sendTable(c, result, {}, `movers-${metric}-${region}-${period}`);
  });

  // Children of a region × months: each cell's value, its rank among the siblings and how far
  // it falls short of their median.
  tableRoute(app, dims, '/api/heatmap', async ({ metric, parent, from = '', to = '9999' }, c, select) => {
    const result = await db.query(
      `SELECT ${select({ region_code: true, region_name: 'r.name', period: true, value: true, rank: true, peers: true, peer_median: true, shortfall: true }, 'h')}
       FROM mart_compare_horizontal h JOIN dim_region r ON r.code = h.region_code
       WHERE h.metric = $metric AND h.parent_code = $parent AND h.period_type = 'month' AND h.period BETWEEN $from AND $to
       ORDER BY h.region_code, h.period`,
      { metric, parent, from, to },
    );
    return sendTable(c, result, {}, `heatmap-${metric}-${parent}`);
  });

  // One region, every metric, month by month, against the median of its sibling regions.
  tableRoute(app, dims, '/api/peer-series', async ({ region, period_type, from = '', to = '9999' }, c, select) => {
    const result = await db.query(
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
    );
    return sendTable(c, result, {}, `peers-${region}`);
  });
  return app;
}
