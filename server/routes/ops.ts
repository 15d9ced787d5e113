// Collector visibility: run log and quarantined rows.
import { Hono } from 'hono';
import type { Database } from '../db/database.js';
import { sendTable } from '../format.js';
import { limit } from '../params.js';

export function opsRoutes(db: Database): Hono {
  const app = new Hono();
  app.get('/runs', async (c) => {
    const feed = c.req.query('feed') ?? null;
    const n = limit(c, 'limit', 100, 10_000);
    return sendTable(
      c,
      await db.query(
        `SELECT * FROM ops_run WHERE $feed IS NULL OR feed = $feed ORDER BY run_id DESC LIMIT $n`,
        { feed, n },
      ),
      {},
      'runs',
    );
  });
  app.get('/quarantine', async (c) => {
    const feed = c.req.query('feed') ?? null;
    const n = limit(c, 'limit', 100, 10_000);
    return sendTable(
      c,
      await db.query(
        `SELECT * FROM ops_quarantine WHERE $feed IS NULL OR feed = $feed ORDER BY quarantined_at DESC, natural_key LIMIT $n`,
        { feed, n },
      ),
      {},
      'quarantine',
    );
  });
  return app;
}
