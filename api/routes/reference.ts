// Reference data: regions, the Appendix A catalogue, computed metrics. Dimensions loaded at
// migrate (as the codes the API checks, api/dims.ts), so through the read cache.
import { Hono } from 'hono';
import type { Database } from '../../warehouse/database.js';
import type { Dims } from '../dims.js';
import { readRoute, type TableReads } from '../table-route.js';

export type ReferencePath = '/api/regions' | '/api/metrics' | '/api/catalogue';

export function referenceReads(db: Database): TableReads<ReferencePath> {
  return {
    // Each region with its kind and peer group: the dashboard names a zone 功能区 and says whom it is compared with.
    '/api/regions': (_q, select) =>
      db.martQuery(
        `SELECT ${select({ code: 'r.code', name: true, level: true, parent_code: true, kind: 'r.kind', peer_scope: true, initials: 'r.initials' })}
         FROM dim_region r LEFT JOIN dim_region_peer p ON p.region_code = r.code ORDER BY r.code`,
      ),
    '/api/metrics': (_q, select) =>
      db.martQuery(
        `SELECT ${select({ code: true, name: true, unit: true, higher_is_better: true, appendix_code: true, definition: true })} FROM dim_metric ORDER BY code`,
      ),
    // Every Appendix A row, word for word but for the corrections its notes state, marked
    // computed (with the metrics that compute it and their definitions) or manual (with the
    // import path of its scores).
    '/api/catalogue': (_q, select) =>
      db.martQuery(`
        WITH catalogue AS (
          SELECT ${select({
            code: 'i.code',
            p1: 'i.p1',
            p2: 'i.p2',
            name: 'i.name',
            category: 'i.category',
            methods: 'i.methods',
            description: 'i.description',
            notes: 'i.notes',
            source: "CASE WHEN count(m.code) > 0 THEN 'computed' ELSE 'manual' END",
            metrics: 'list(m.code ORDER BY m.code) FILTER (WHERE m.code IS NOT NULL)',
            definition: "string_agg(m.definition, '；' ORDER BY m.code)",
            import_path:
              "CASE WHEN count(m.code) = 0 THEN 'POST /api/manual-scores 或 npm run import-scores --（CSV/XLSX：地区、年度、指标、得分0–100、评价人、评价方式）→ raw_manual_score' END",
          })}
          FROM dim_indicator i LEFT JOIN dim_metric m ON m.appendix_code = i.code
          GROUP BY ALL
        )
        SELECT * FROM catalogue ORDER BY list_transform(string_split(code, '.'), x -> CAST(x AS INTEGER))`),
  };
}

export function referenceRoutes(db: Database, dims: Dims): Hono {
  const app = new Hono();
  const reads = referenceReads(db);
  readRoute(app, dims, reads, '/api/regions', () => 'regions');
  readRoute(app, dims, reads, '/api/metrics', () => 'metrics');
  readRoute(app, dims, reads, '/api/catalogue', () => 'catalogue');
  return app;
}
