// Views for the leadership and agency pages: the month's biggest movers, the
// regions × months heat map, and a region's every metric against its peers' median.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import { known, limit, oneOf, period, required } from '../params.js';
import type { Dims } from './indicators.js';

const LEVELS = ['city', 'county'] as const;

export function overviewRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  // Regions of one level under a region, ordered by the size of their 环比 change.
  app.get('/movers', async (c) => {
    const metric = known('metric', required(c, 'metric'), dims.metrics, 'metric');
    const region = known('region', required(c, 'region'), dims.regions, 'region');
    const level = oneOf(c, 'level', LEVELS);
    const at = period(c, 'period', 'month') ?? required(c, 'period');
    const n = limit(c, 'limit', 5, 200);
    const result = await db.query(
      `SELECT m.region_code, m.region_name, m.level, m.parent_code, m.period, m.metric, m.value, m.prev_value, m.mom_change, m.improvement
       FROM v_movers m JOIN v_region_tree t ON t.code = m.region_code AND t.ancestor = $region
       WHERE m.metric = $metric AND m.level = $level AND m.period_type = 'month' AND m.period = $at
       ORDER BY abs(m.mom_change) DESC, m.region_code LIMIT $n`,
      { metric, region, level, at, n },
    );
    return sendTable(c, result, {}, `movers-${metric}-${region}-${at}`);
  });

  // Children of a region × months: each cell's value and its rank among the siblings.
  app.get('/heatmap', async (c) => {
    const metric = known('metric', required(c, 'metric'), dims.metrics, 'metric');
    const parent = known('parent', required(c, 'parent'), dims.regions, 'region');
    const from = period(c, 'from', 'month') ?? '';
    const to = period(c, 'to', 'month') ?? '9999';
    const result = await db.query(
      `SELECT h.region_code, r.name AS region_name, h.period, h.value, h.rank, h.peers, h.peer_median
       FROM mart_compare_horizontal h JOIN dim_region r ON r.code = h.region_code
       WHERE h.metric = $metric AND h.parent_code = $parent AND h.period_type = 'month' AND h.period BETWEEN $from AND $to
       ORDER BY h.region_code, h.period`,
      { metric, parent, from, to },
    );
    return sendTable(c, result, {}, `heatmap-${metric}-${parent}`);
  });

  // One region, every metric, month by month, against the median of its sibling regions.
  app.get('/peer-series', async (c) => {
    const region = known('region', required(c, 'region'), dims.regions, 'region');
    const type = oneOf(c, 'period_type', ['month', 'year'] as const, 'month');
    const from = period(c, 'from', type) ?? '';
    const to = period(c, 'to', type) ?? '9999';
    const result = await db.query(
      `SELECT h.region_code, h.parent_code, h.period, h.metric, m.name AS metric_name, m.unit, m.higher_is_better,
              h.value, h.peer_median, h.gap_to_median, h.rank, h.peers
       FROM mart_compare_horizontal h JOIN dim_metric m ON m.code = h.metric
       WHERE h.region_code = $region AND h.period_type = $type AND h.period BETWEEN $from AND $to
       ORDER BY m.appendix_code NULLS LAST, h.metric, h.period`,
      { region, type, from, to },
    );
    return sendTable(c, result, {}, `peers-${region}`);
  });
  return app;
}
