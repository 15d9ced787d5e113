// Alerts raised by the threshold rules in config, for the dashboards.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';
import type { Dims } from './indicators.js';
import { known, limit, oneOf, required } from '../params.js';

export function alertRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  // Alerts of a region and every region below it; open ones by default, newest month first.
  app.get('/alerts', async (c) => {
    const region = known('region', required(c, 'region'), dims.regions, 'region');
    const status = oneOf(c, 'status', ['open', 'all'] as const, 'open');
    const n = limit(c, 'limit', 50, 10_000);
    return sendTable(
      c,
      await db.query(
        `SELECT a.* FROM v_alert a JOIN v_region_tree t ON t.code = a.region_code AND t.ancestor = $region
         WHERE $status = 'all' OR a.open
         ORDER BY a.open DESC, a.period DESC, t.depth, a.rule_id, a.region_code LIMIT $n`,
        { region, status, n },
      ),
      {},
      `alerts-${region}`,
    );
  });
  app.get('/alert-rules', async (c) => sendTable(c, await db.query('SELECT * FROM cfg_alert_rule ORDER BY rule_id'), {}, 'alert-rules'));
  return app;
}
