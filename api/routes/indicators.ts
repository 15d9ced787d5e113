// Indicator values and 纵横比较 comparisons, read from the materialized marts.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { sendTable } from '../format.js';
import { tableRoute } from '../table-route.js';

export function indicatorRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  // A region's series for one metric over a period range.
  tableRoute(app, dims, '/api/values', async ({ metric, region, period_type, from = '', to = '9999' }, c, select) => {
    const result = await db.martQuery(
      `SELECT ${select({ region_code: true, region_name: 'r.name', period_type: true, period: true, metric: true, numerator: true, denominator: true, value: true }, 'v')}
       FROM mart_metric_value v JOIN dim_region r ON r.code = v.region_code
       WHERE v.metric = $metric AND v.region_code = $region AND v.period_type = $period_type AND v.period BETWEEN $from AND $to
       ORDER BY v.period`,
      { metric, region, period_type, from, to },
    );
    return sendTable(c, result, {}, `${metric}-${region}`);
  });

  // Vertical: the region against its own past (环比, 同比, trailing 12 months).
  tableRoute(app, dims, '/api/compare/vertical', async ({ metric, region, period_type, from = '', to = '9999' }, c, select) => {
    const result = await db.martQuery(
      `SELECT ${select({
        region_code: true,
        period_type: true,
        period: true,
        metric: true,
        numerator: true,
        denominator: true,
        value: true,
        prev_value: true,
        mom_change: true,
        mom_improvement: true,
        yoy_value: true,
        yoy_change: true,
        yoy_improvement: true,
        trailing_12m: true,
      })}
       FROM mart_compare_vertical
       WHERE metric = $metric AND region_code = $region AND period_type = $period_type AND period BETWEEN $from AND $to
       ORDER BY period`,
      { metric, region, period_type, from, to },
    );
    return sendTable(c, result, {}, `vertical-${metric}-${region}`);
  });

  // Horizontal: the children of a region ranked against each other for one period.
  tableRoute(app, dims, '/api/compare/horizontal', async ({ metric, parent, period_type, period }, c, select) => {
    const result = await db.martQuery(
      `SELECT ${select(
        {
          region_code: true,
          region_name: 'r.name',
          period_type: true,
          period: true,
          metric: true,
          value: true,
          rank: true,
          peers: true,
          peer_median: true,
          gap_to_median: true,
          worse_than_median: true,
        },
        'h',
      )}
       FROM mart_compare_horizontal h JOIN dim_region r ON r.code = h.region_code
       WHERE h.metric = $metric AND h.parent_code = $parent AND h.period_type = $period_type AND h.period = $period
       ORDER BY h.rank, h.region_code`,
      { metric, parent, period_type, period },
    );
    return sendTable(c, result, {}, `horizontal-${metric}-${parent}-${period}`);
  });

  // Latest periods available, for the dashboard's default selection.
  // complete: statistical reports are in for the period (they arrive in the following month),
  // so the dashboards open on the latest complete month rather than a half-reported one.
  tableRoute(app, dims, '/api/periods', async ({ period_type }, c, select) =>
    sendTable(
      c,
      await db.martQuery(
        `SELECT DISTINCT ${select({
          period: 'v.period',
          complete: 'p.end_date <= coalesce((SELECT last_day(max(period_month)) FROM raw_report), p.end_date)',
        })}
         FROM mart_metric_value v JOIN dim_period p USING (period_type, period)
         WHERE v.period_type = $period_type ORDER BY v.period`,
        { period_type },
      ),
    ),
  );
  return app;
}
