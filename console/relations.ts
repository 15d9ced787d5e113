// What the console reads: one view per table, view and mart, in the schema `console` of the
// in-memory mart catalog (rebuilt at every start), each filtered to the region of the
// connection that runs it (the variable console_region, set by the runner; NULL for the whole
// province). Console connections search only that schema, and the guard refuses qualified
// names, so an analyst reaches the stored tables only through these views.
//  - a relation with region_code (dim_region: code) keeps the rows of the region and below
//    (dim_region_scope, reach 'own');
//  - a relation without one is reference data (dim_*, the run log) open to every scope, or
//    holds rows of every region in a form that cannot be filtered (the quarantine's payloads):
//    then only a province-wide console sees it;
//  - accounts, sessions, the audit log and saved queries are never in the console.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../warehouse/database.js';
import { MART_CATALOG } from '../warehouse/pipeline.js';

export const CONSOLE_SCHEMA = `${MART_CATALOG}.console`;
export const REGION_VARIABLE = 'console_region';

const NEVER = /^(app_user|app_user_role|app_user_assignment|app_session|audit_log|console_saved_query)$/;
const REFERENCE = /^(dim_\w+|ops_run|v_calendar_status)$/;

export interface ConsoleRelation {
  name: string;
  /** The catalog it lives in: the database's own, or the marts'. */
  catalog: string;
  kind: 'table' | 'view';
  /** The column the region filter applies to; null for reference data and province-only relations. */
  regionColumn: string | null;
  /** Visible to a console scoped to one region. */
  scoped: boolean;
  columns: { name: string; type: string }[];
}

/** Every relation the console exposes, from the catalog. */
export async function consoleRelations(db: Database): Promise<ConsoleRelation[]> {
  const rows = await db.rows<{ catalog: string; name: string; kind: 'table' | 'view'; columns: { name: string; type: string }[] }>(`
    WITH objects AS (
      SELECT database_name AS catalog, table_name AS name, 'table' AS kind FROM duckdb_tables()
      WHERE NOT internal AND NOT temporary AND schema_name = 'main' AND database_name IN (current_database(), '${MART_CATALOG}')
      UNION ALL
      SELECT database_name, view_name, 'view' FROM duckdb_views()
      WHERE NOT internal AND NOT temporary AND schema_name = 'main' AND database_name IN (current_database(), '${MART_CATALOG}')
    )
    SELECT o.catalog, o.name, o.kind, list({'name': c.column_name, 'type': c.data_type} ORDER BY c.column_index) AS columns
    FROM objects o JOIN duckdb_columns() c ON c.table_name = o.name AND c.database_name = o.catalog AND c.schema_name = 'main'
    GROUP BY ALL ORDER BY o.name`);
  return rows
    .filter((r) => !NEVER.test(r.name))
    .map((r) => {
      const names = r.columns.map((c) => c.name);
      const regionColumn = r.name === 'dim_region' ? 'code' : names.includes('region_code') ? 'region_code' : null;
      return { name: r.name, catalog: r.catalog, kind: r.kind, regionColumn, scoped: regionColumn !== null || REFERENCE.test(r.name), columns: r.columns };
    });
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates the console's views (idempotent; after migrate, once the marts exist). */
export async function createConsoleSchema(db: Database): Promise<ConsoleRelation[]> {
  const relations = await consoleRelations(db);
  await db.exclusive(async (c: DuckDBConnection) => {
    const main = (await c.runAndReadAll('SELECT current_database()')).getRowsJson()[0][0] as string;
    const own = `(SELECT region_code FROM ${quote(main)}.main.dim_region_scope WHERE scope_code = getvariable('${REGION_VARIABLE}') AND reach = 'own')`;
    await c.run(`CREATE SCHEMA IF NOT EXISTS ${CONSOLE_SCHEMA}`);
    for (const r of relations) {
      const source = `${quote(r.catalog === MART_CATALOG ? MART_CATALOG : main)}.main.${quote(r.name)}`;
      const filter = r.regionColumn
        ? `getvariable('${REGION_VARIABLE}') IS NULL OR ${quote(r.regionColumn)} IN ${own}`
        : r.scoped
          ? 'true'
          : `getvariable('${REGION_VARIABLE}') IS NULL`;
      await c.run(`CREATE OR REPLACE VIEW ${CONSOLE_SCHEMA}.${quote(r.name)} AS SELECT * FROM ${source} WHERE ${filter}`);
    }
  });
  return relations;
}
