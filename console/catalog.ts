// Schema browser data: every table and view with its columns and types (from DuckDB's
// catalog) and its description (from the comments in sql/, see sql-comments.ts).
import type { Database } from '../warehouse/database.js';
import { MART_CATALOG, modelFile, pipeline, sqlText, storageFile, type Pipeline } from '../warehouse/pipeline.js';
import { commentedObjects } from './sql-comments.js';

export interface CatalogObject {
  name: string;
  kind: 'table' | 'view';
  description: string;
  columns: { name: string; type: string }[];
}

/** Descriptions of the objects the pipeline's storage and model files create; a mart is
 * described as the view it materializes. */
export function sqlDescriptions(p: Pipeline = pipeline()): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of [...p.storage.map(storageFile), ...p.model.map(modelFile)]) {
    for (const o of commentedObjects(sqlText(file))) {
      if (o.description) out.set(o.name, o.description);
    }
  }
  for (const m of p.marts) out.set(m.mart, `${m.view} 的物化表（每次采集后按变化的期间刷新）：${out.get(m.view) ?? ''}`);
  return out;
}

export async function readCatalog(db: Database, descriptions: Map<string, string>): Promise<CatalogObject[]> {
  // The stored tables and views, and the marts in their in-memory catalog.
  const catalogs = `database_name IN (current_database(), '${MART_CATALOG}') AND schema_name = 'main'`;
  const rows = await db.rows<Omit<CatalogObject, 'description'>>(`
    WITH objects AS (
      SELECT database_name, table_name AS name, 'table' AS kind FROM duckdb_tables()
      WHERE NOT internal AND NOT temporary AND ${catalogs}
      UNION ALL
      SELECT database_name, view_name, 'view' FROM duckdb_views()
      WHERE NOT internal AND NOT temporary AND ${catalogs}
    )
    SELECT o.name, o.kind,
           list({'name': c.column_name, 'type': c.data_type} ORDER BY c.column_index) AS columns
    FROM objects o JOIN duckdb_columns() c
      ON c.table_name = o.name AND c.database_name = o.database_name AND c.schema_name = 'main'
    GROUP BY ALL
    ORDER BY o.kind, o.name`);
  return rows.map((r) => ({ ...r, description: descriptions.get(r.name) ?? '' }));
}
