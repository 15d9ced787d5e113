// Alerts raised by the threshold rules in config, for the dashboards.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { readRoute, type TableReads } from '../table-route.js';

export function alertReads(db: Database): TableReads<'/api/alerts' | '/api/alert-rules'> {
  return {
    // Alerts of a region and every region below it; open ones by default, newest month first.
    // Through the read cache, which the alert monitor and its webhook renew when they write ops_alert.
    '/api/alerts': ({ region, status, limit }, select) =>
      db.martQuery(
        `SELECT ${select(
          {
            alert_id: true,
            rule_id: true,
            rule_label: true,
            kind: true,
            metric: true,
            region_code: true,
            region_name: true,
            level: true,
            period: true,
            value: true,
            threshold: true,
            message: true,
            first_fired_at: true,
            last_fired_at: true,
            resolved_at: true,
            open: true,
            notified_at: true,
            notify_attempts: true,
            notify_error: true,
          },
          'a',
        )}
         FROM v_alert a JOIN v_region_tree t ON t.code = a.region_code AND t.ancestor = $region
         WHERE $status = 'all' OR a.open
         ORDER BY a.open DESC, a.period DESC, t.depth, a.rule_id, a.region_code LIMIT $limit`,
        { region, status, limit },
      ),
    '/api/alert-rules': (_q, select) =>
      db.query(
        `SELECT ${select({ rule_id: true, kind: true, metric: true, threshold: true, levels: true, min_denominator: true, label: true })} FROM cfg_alert_rule ORDER BY rule_id`,
      ),
  };
}

export function alertRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  const reads = alertReads(db);
  readRoute(app, dims, reads, '/api/alerts', ({ region }) => `alerts-${region}`);
  readRoute(app, dims, reads, '/api/alert-rules', () => 'alert-rules');
  return app;
}
