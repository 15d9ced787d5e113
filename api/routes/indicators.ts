// Indicator values and 纵横比较 comparisons, read from the materialized marts.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { readRoute, type TableReads } from '../table-route.js';

export type IndicatorPath = '/api/values' | '/api/service-kpis' | '/api/compare/vertical' | '/api/compare/horizontal' | '/api/periods';

export function indicatorReads(db: Database): TableReads<IndicatorPath> {
  return {
    // A region's series for one metric over a period range.
    '/api/values': ({ metric, region, period_type, from = '', to = '9999' }, select) =>
      db.martQuery(
        `SELECT ${select({ region_code: true, region_name: 'r.name', period_type: true, period: true, metric: true, numerator: true, denominator: true, value: true }, 'v')}
       FROM mart_metric_value v JOIN dim_region r ON r.code = v.region_code
       WHERE v.metric = $metric AND v.region_code = $region AND v.period_type = $period_type AND v.period BETWEEN $from AND $to
       ORDER BY v.period`,
        { metric, region, period_type, from, to },
      ),

    // The region's four service KPIs for one period (v_service_kpi), in their order.
    '/api/service-kpis': ({ region, period_type, period }, select) =>
      db.martQuery(
        `SELECT ${select(
          {
            kpi: true,
            metric: true,
            metric_name: true,
            unit: true,
            value: true,
            numerator: true,
            denominator: true,
            numerator_label: true,
            denominator_label: true,
            region_code: true,
            region_name: 'r.name',
            period_type: true,
            period: true,
          },
          'k',
        )}
       FROM v_service_kpi k JOIN dim_region r ON r.code = k.region_code
       WHERE k.region_code = $region AND k.period_type = $period_type AND k.period = $period
       ORDER BY k.ord`,
        { region, period_type, period },
      ),

    // Vertical: the region against its own past (环比, 同比, trailing 12 months).
    '/api/compare/vertical': ({ metric, region, period_type, from = '', to = '9999' }, select) =>
      db.martQuery(
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
          complete: true,
          coverage: true,
          prev_complete: true,
          yoy_complete: true,
          trailing_complete: true,
        })}
       FROM mart_compare_vertical
       WHERE metric = $metric AND region_code = $region AND period_type = $period_type AND period BETWEEN $from AND $to
       ORDER BY period`,
        { metric, region, period_type, from, to },
      ),

    // Horizontal: the children of a region ranked against each other for one period.
    '/api/compare/horizontal': ({ metric, parent, period_type, period }, select) =>
      db.martQuery(
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
      ),

    // Periods with data, for the dashboard's selectors and default selection. complete: every
    // expected county's data is in for every feed (v_period_completeness, over the province:
    // each county's monthly report, every day collected), so the dashboards open on the latest
    // complete month and mark the others; a period older than the completeness window is complete.
    '/api/periods': ({ period_type }, select) =>
      db.martQuery(
        `WITH periods AS (
           SELECT v.period,
                  coalesce((SELECT bool_and(pc.complete) FROM v_period_completeness pc JOIN dim_region r ON r.code = pc.region_code
                            WHERE r.level = 'province' AND pc.period_type = v.period_type AND pc.period = v.period), TRUE) AS complete
           FROM (SELECT DISTINCT period_type, period FROM mart_metric_value WHERE period_type = $period_type) v
         )
         SELECT ${select({
           period: true,
           complete: true,
           // The one period every page opens on: the latest complete one (the latest when none is).
           is_default: `period = coalesce((SELECT max(period) FILTER (WHERE complete) FROM periods), (SELECT max(period) FROM periods))`,
         })}
         FROM periods ORDER BY period`,
        { period_type },
      ),
  };
}

export function indicatorRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  const reads = indicatorReads(db);
  readRoute(app, dims, reads, '/api/values', ({ metric, region }) => `${metric}-${region}`);
  readRoute(app, dims, reads, '/api/service-kpis', ({ region, period }) => `service-kpis-${region}-${period}`);
  readRoute(app, dims, reads, '/api/compare/vertical', ({ metric, region }) => `vertical-${metric}-${region}`);
  readRoute(app, dims, reads, '/api/compare/horizontal', ({ metric, parent, period }) => `horizontal-${metric}-${parent}-${period}`);
  readRoute(app, dims, reads, '/api/periods', () => 'data');
  return app;
}
