// The audit log for administrators (审计日志): newest first, filtered by action, acting user and
// CST day range; CSV with ?format=csv. Read only: the log has no route that changes it.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { sendTable } from '../format.js';
import { tableRoute } from '../table-route.js';

export function auditRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  tableRoute(app, dims, '/api/audit', async ({ action = null, actor = null, from = null, to = null, limit }, c, select) =>
    sendTable(
      c,
      await db.query(
        `SELECT ${select({ id: true, acted_at: true, actor: true, ip: true, user_agent: true, action: true, target: true, before: 'before::VARCHAR', after: 'after::VARCHAR' })}
         FROM audit_log
         WHERE ($action IS NULL OR action = $action) AND ($actor IS NULL OR actor = $actor)
           AND ($from IS NULL OR acted_at >= $from::DATE) AND ($to IS NULL OR acted_at < $to::DATE + INTERVAL 1 DAY)
         ORDER BY id DESC LIMIT $limit`,
        { action, actor, from, to, limit },
      ),
      {},
      'audit-log',
    ),
  );
  return app;
}
