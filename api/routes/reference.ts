// Reference data: regions, the Appendix A catalogue, computed metrics.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import { sendTable } from '../format.js';

export function referenceRoutes(db: Database): Hono {
  const app = new Hono();
  app.get('/regions', async (c) =>
    sendTable(c, await db.query('SELECT code, name, level, parent_code FROM dim_region ORDER BY code'), {}, 'regions'),
  );
  app.get('/metrics', async (c) =>
    sendTable(c, await db.query('SELECT code, name, unit, higher_is_better, appendix_code, definition FROM dim_metric ORDER BY code'), {}, 'metrics'),
  );
  // Every Appendix A row, marked computed (with the metrics that compute it and their
  // definitions) or manual (with the import path of its scores).
  app.get('/catalogue', async (c) =>
    sendTable(
      c,
      await db.query(`
        WITH catalogue AS (
          SELECT i.code, i.p1, i.p2, i.name, i.category, i.methods, i.description,
                 CASE WHEN count(m.code) > 0 THEN 'computed' ELSE 'manual' END AS source,
                 list(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL) AS metrics,
                 string_agg(m.definition, '；' ORDER BY m.code) AS definition,
                 CASE WHEN count(m.code) = 0 THEN 'POST /api/manual-scores 或 npm run import-scores --（CSV/XLSX：地区、年度、指标、得分0–100、评价人、评价方式）→ raw_manual_score' END AS import_path
          FROM dim_indicator i LEFT JOIN dim_metric m ON m.appendix_code = i.code
          GROUP BY ALL
        )
        SELECT * FROM catalogue ORDER BY list_transform(string_split(code, '.'), x -> CAST(x AS INTEGER))`),
      {},
      'catalogue',
    ),
  );
  return app;
}
