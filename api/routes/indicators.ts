// Indicator values and 纵横比较 comparisons, read from the materialized marts.
import { Hono, type Context } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import { PERIOD_TYPES, known, oneOf, period, required } from '../params.js';

export interface Dims {
  metrics: ReadonlySet<string>;
  regions: ReadonlySet<string>;
}

export async function loadDims(db: Database): Promise<Dims> {
  const codes = async (sql: string) => new Set((await db.rows<{ code: string }>(sql)).map((r) => r.code));
  return { metrics: await codes('SELECT code FROM dim_metric'), regions: await codes('SELECT code FROM dim_region') };
}

export function indicatorRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();

  // One region, one metric, a range of periods: the parameters of every series query.
  const series = (c: Context) => {
    const type = oneOf(c, 'period_type', PERIOD_TYPES, 'month');
    return {
      metric: known('metric', required(c, 'metric'), dims.metrics, 'metric'),
      region: known('region', required(c, 'region'), dims.regions, 'region'),
      type,
      from: period(c, 'from', type) ?? '',
      to: period(c, 'to', type) ?? '9999',
    };
  };

  // A region's series for one metric over a period range.
  app.get('/values', async (c) => {
    const { metric, region, type, from, to } = series(c);
    const result = await db.martQuery(
      `SELECT v.region_code, r.name AS region_name, v.period_type, v.period, v.metric, v.numerator, v.denominator, v.value
       FROM mart_metric_value v JOIN dim_region r ON r.code = v.region_code
       WHERE v.metric = $metric AND v.region_code = $region AND v.period_type = $type AND v.period BETWEEN $from AND $to
       ORDER BY v.period`,
      { metric, region, type, from, to },
    );
    return sendTable(c, result, {}, `${metric}-${region}`);
  });

  // Vertical: the region against its own past (环比, 同比, trailing 12 months).
  app.get('/compare/vertical', async (c) => {
    const { metric, region, type, from, to } = series(c);
    const result = await db.martQuery(
      `SELECT * FROM mart_compare_vertical
       WHERE metric = $metric AND region_code = $region AND period_type = $type AND period BETWEEN $from AND $to
       ORDER BY period`,
      { metric, region, type, from, to },
    );
    return sendTable(c, result, {}, `vertical-${metric}-${region}`);
  });

  // Horizontal: the children of a region ranked against each other for one period.
  app.get('/compare/horizontal', async (c) => {
    const metric = known('metric', required(c, 'metric'), dims.metrics, 'metric');
    const parent = known('parent', required(c, 'parent'), dims.regions, 'region');
    const type = oneOf(c, 'period_type', PERIOD_TYPES, 'month');
    const at = period(c, 'period', type) ?? required(c, 'period');
    const result = await db.martQuery(
      `SELECT h.region_code, r.name AS region_name, h.period_type, h.period, h.metric, h.value,
              h.rank, h.peers, h.peer_median, h.gap_to_median
       FROM mart_compare_horizontal h JOIN dim_region r ON r.code = h.region_code
       WHERE h.metric = $metric AND h.parent_code = $parent AND h.period_type = $type AND h.period = $at
       ORDER BY h.rank, h.region_code`,
      { metric, parent, type, at },
    );
    return sendTable(c, result, {}, `horizontal-${metric}-${parent}-${at}`);
  });

  // Latest periods available, for the dashboard's default selection.
  app.get('/periods', async (c) => {
    const type = oneOf(c, 'period_type', PERIOD_TYPES, 'month');
    // complete: statistical reports are in for the period (they arrive in the following month),
    // so the dashboards open on the latest complete month rather than a half-reported one.
    return sendTable(
      c,
      await db.martQuery(
        `SELECT DISTINCT v.period, p.end_date <= coalesce((SELECT last_day(max(period_month)) FROM raw_report), p.end_date) AS complete
         FROM mart_metric_value v JOIN dim_period p USING (period_type, period)
         WHERE v.period_type = $type ORDER BY v.period`,
        { type },
      ),
    );
  });
  return app;
}
