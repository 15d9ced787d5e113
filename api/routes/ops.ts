// Collector visibility: per-collector health, run log, quarantined rows with their
// reasons, and the version history of statistical reports (restatements audit).
import { Hono, type Context } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import { ParamError, limit, period } from '../params.js';

const OPTIONAL_FILTERS = {
  feed: /^[a-z][a-z0-9_]{0,63}$/,
  status: /^(running|ok|failed)$/,
  run: /^\d{1,18}$/,
  region: /^\d{6}$/,
  metric: /^[a-z][a-z0-9_]{0,63}$/,
} as const;
const EXPECTED: Record<keyof typeof OPTIONAL_FILTERS, string> = {
  feed: 'a collector name',
  status: 'one of running, ok, failed',
  run: 'a run id',
  region: 'a 6-digit region code',
  metric: 'a metric code',
};

/** An optional filter parameter, validated; null when absent. */
function filter(c: Context, name: keyof typeof OPTIONAL_FILTERS): string | null {
  const v = c.req.query(name);
  if (v === undefined || v === '') return null;
  if (!OPTIONAL_FILTERS[name].test(v)) throw new ParamError(name, `parameter '${name}' must be ${EXPECTED[name]}; got '${v}'`);
  return v;
}

export function opsRoutes(db: Database): Hono {
  const app = new Hono();
  app.get('/feeds/health', async (c) => sendTable(c, await db.query('SELECT * FROM v_feed_health ORDER BY feed'), {}, 'feed-health'));
  app.get('/runs', async (c) => {
    const params = { feed: filter(c, 'feed'), status: filter(c, 'status'), n: limit(c, 'limit', 100, 10_000) };
    return sendTable(
      c,
      await db.query(
        `SELECT * FROM ops_run WHERE ($feed IS NULL OR feed = $feed) AND ($status IS NULL OR status = $status)
         ORDER BY run_id DESC LIMIT $n`,
        params,
      ),
      {},
      'runs',
    );
  });
  app.get('/quarantine', async (c) => {
    const run = filter(c, 'run');
    const params = { feed: filter(c, 'feed'), run: run === null ? null : Number(run), n: limit(c, 'limit', 100, 10_000) };
    return sendTable(
      c,
      await db.query(
        `SELECT * FROM ops_quarantine WHERE ($feed IS NULL OR feed = $feed) AND ($run IS NULL OR run_id = $run)
         ORDER BY quarantined_at DESC, natural_key LIMIT $n`,
        params,
      ),
      {},
      'quarantine',
    );
  });
  app.get('/reports/versions', async (c) => {
    const month = period(c, 'period', 'month');
    const params = { region: filter(c, 'region'), metric: filter(c, 'metric'), month: month ? `${month}-01` : null, n: limit(c, 'limit', 1000, 100_000) };
    return sendTable(
      c,
      await db.query(
        `SELECT * FROM v_report_version
         WHERE ($region IS NULL OR region_code = $region) AND ($month IS NULL OR period_month = CAST($month AS DATE))
           AND ($metric IS NULL OR metric = $metric)
         ORDER BY region_code, period_month, metric, version LIMIT $n`,
        params,
      ),
      {},
      'report-versions',
    );
  });
  return app;
}
