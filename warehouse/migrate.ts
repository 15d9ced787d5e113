// Brings a database file up to date: tables, seeds, SQL views in file-name order, marts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { MART_CATALOG, inTransaction, type Database } from './database.js';
import { SEEDS_DIR, SQL_DIR } from '../core/paths.js';


/** Runs every statement of a script in order on one connection. */
export async function runScript(conn: DuckDBConnection, sql: string): Promise<void> {
  const statements = await conn.extractStatements(sql);
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    await prepared.run();
  }
}

export function readSql(relativePath: string): string {
  return readFileSync(join(SQL_DIR, relativePath), 'utf8');
}

/** SQL files in load order. 00–09: storage (tables), run before the seeds load;
 * 10 and up: views; NN_mart_*.sql materialize views and form the refresh; NN_score_*.sql
 * build the score tables, the costliest step, refreshed once a collector run is complete. */
export function sqlFiles(): { name: string; mart: boolean; scores: boolean }[] {
  return readdirSync(SQL_DIR)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, mart: /^\d+_mart_/.test(name), scores: /^\d+_score_/.test(name) }));
}

const isStorage = (file: string) => /^0\d_/.test(file);

interface SeedTable {
  table: string;
  file: string;
  columns: Record<string, string>;
}

// Reference data, reloaded at every start so an edited seed file takes effect.
const SEEDS: SeedTable[] = [
  { table: 'dim_region', file: 'regions.csv', columns: { code: 'VARCHAR', name: 'VARCHAR', level: 'VARCHAR', parent_code: 'VARCHAR' } },
  {
    table: 'dim_indicator',
    file: 'appendix-a.tsv',
    columns: { code: 'VARCHAR', p1: 'VARCHAR', p2: 'VARCHAR', name: 'VARCHAR', category: 'VARCHAR', methods: 'VARCHAR', description: 'VARCHAR' },
  },
  {
    table: 'dim_metric',
    file: 'metrics.csv',
    columns: { code: 'VARCHAR', name: 'VARCHAR', unit: 'VARCHAR', higher_is_better: 'BOOLEAN', appendix_code: 'VARCHAR', definition: 'VARCHAR' },
  },
  { table: 'dim_service_item', file: 'service-items.csv', columns: { code: 'VARCHAR', name: 'VARCHAR', item_group: 'VARCHAR', limit_days: 'INTEGER' } },
  { table: 'dim_channel', file: 'channels.csv', columns: { code: 'VARCHAR', name: 'VARCHAR', is_online: 'BOOLEAN' } },
  { table: 'dim_holiday', file: 'holidays.csv', columns: { day: 'DATE', kind: 'VARCHAR', name: 'VARCHAR' } },
];

async function loadSeeds(conn: DuckDBConnection): Promise<void> {
  for (const seed of SEEDS) {
    const path = join(SEEDS_DIR, seed.file);
    const cols = Object.entries(seed.columns)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(', ');
    const delim = seed.file.endsWith('.tsv') ? '\t' : ',';
    await conn.run(`DELETE FROM ${seed.table}`);
    await conn.run(
      `INSERT INTO ${seed.table} BY NAME SELECT * FROM read_csv($path, header = true, delim = $delim, quote = '"', columns = {${cols}})`,
      { path, delim },
    );
  }
}

/** Reference data loaded by a layer above the warehouse (e.g. the scoring schemes), in the
 * seed transaction after the seed files, before the views and marts are built on it. */
export type SeedLoader = (conn: DuckDBConnection) => Promise<unknown>;

/** Creates tables, loads seeds (the seed files, then `seeds`), (re)defines every view and builds the marts. */
export async function migrate(db: Database, { seeds = [] }: { seeds?: SeedLoader[] } = {}): Promise<void> {
  await db.exclusive(async (conn) => {
    await conn.run("SET TimeZone = 'Asia/Shanghai'");
    await defineStorage(conn);
  });
  await db.transaction(async (conn) => {
    await loadSeeds(conn);
    for (const load of seeds) await load(conn);
  });
  await db.exclusive(async (conn) => {
    // Every view is redefined below; dropping them first lets one become a table (the
    // seed-derived dimensions did) in a database created by an earlier version.
    const views = await conn.runAndReadAll("SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary AND schema_name = 'main'");
    for (const [view] of views.getRowsJson()) await conn.run(`DROP VIEW IF EXISTS "${String(view)}"`);
    // The marts are rebuilt in full with their views' current columns; an earlier version
    // kept them in the file (main.mart_*), where they would hide the in-memory ones.
    const marts = await conn.runAndReadAll(
      `SELECT database_name, table_name FROM duckdb_tables() WHERE NOT temporary AND schema_name = 'main'
         AND (database_name = '${MART_CATALOG}' OR (database_name = current_database() AND starts_with(table_name, 'mart_')))`,
    );
    for (const [catalog, table] of marts.getRowsJson()) await conn.run(`DROP TABLE IF EXISTS "${String(catalog)}".main."${String(table)}"`);
    await defineViews(conn);
    await conn.run('UPDATE ops_refresh SET marts_from = CAST(as_of_ts() AS DATE), scores_from = CAST(as_of_ts() AS DATE), coverage = refresh_coverage()');
  }, { marts: true });
}

/** Runs the storage files (00–09): tables, idempotent. */
export async function defineStorage(conn: DuckDBConnection): Promise<void> {
  for (const { name } of sqlFiles().filter((f) => isStorage(f.name))) await runScript(conn, readSql(name));
}

/** Runs the view files (10 and up) with every period in the refresh range, so the marts
 * are built in full: at migrate, and over a Parquet export (scale/parquet-views.ts). */
export async function defineViews(conn: DuckDBConnection): Promise<void> {
  await conn.run("SET VARIABLE refresh_from = DATE '1900-01-01'");
  for (const { name } of sqlFiles().filter((f) => !isStorage(f.name))) {
    await runScript(conn, readSql(name));
  }
}

/** Brings the marts up to date after new data lands, recomputing only the periods that
 * sql/07_refresh.sql says changed; the scores too unless told not to (a long run
 * refreshes indicators as it goes, scores once at its end). The marts are written in one
 * transaction: readers see the previous marts until it commits, and a failed refresh
 * leaves them and ops_refresh as they were, so the next one recomputes the same periods. */
export async function refreshMarts(db: Database, { scores = true } = {}): Promise<void> {
  await db.exclusive(async (conn) => {
    await runScript(conn, readSql('maintenance/refresh_begin.sql'));
    // One transaction may write one catalog: the marts here, ops_refresh after it.
    await inTransaction(conn, async () => {
      await conn.run("SET VARIABLE refresh_from = getvariable('marts_from')");
      for (const { name } of sqlFiles().filter((f) => f.mart)) await runScript(conn, readSql(name));
      if (scores) {
        await conn.run("SET VARIABLE refresh_from = getvariable('scores_from')");
        for (const { name } of sqlFiles().filter((f) => f.scores)) await runScript(conn, readSql(name));
      }
    });
    await conn.run(`UPDATE ops_refresh SET marts_from = getvariable('refresh_today')${scores ? ", scores_from = getvariable('refresh_today')" : ''}`);
  }, { marts: true });
}

/** Marks every period stale: after data was written other than through the collectors'
 * apply scripts (generated or imported directly into raw_* and agg_*). */
export async function markAllStale(conn: DuckDBConnection): Promise<void> {
  await conn.run("UPDATE ops_refresh SET marts_from = DATE '1900-01-01', scores_from = DATE '1900-01-01'");
}
