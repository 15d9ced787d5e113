// Brings a database file up to date: tables, seeds, SQL views in file-name order, marts.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from './database.js';
import { loadSchemes } from '../scoring/load-schemes.js';
import { SEEDS_DIR, SQL_DIR } from '../paths.js';


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

/** Creates tables, loads seeds, (re)defines every view and builds the marts. */
export async function migrate(db: Database): Promise<void> {
  await db.exclusive(async (conn) => {
    await conn.run("SET TimeZone = 'Asia/Shanghai'");
    for (const { name } of sqlFiles().filter((f) => isStorage(f.name))) {
      await runScript(conn, readSql(name));
    }
  });
  await db.transaction(loadSeeds);
  await db.transaction(async (conn) => void (await loadSchemes(conn)));
  await db.exclusive(async (conn) => {
    // Every view is redefined below; dropping them first lets one become a table (the
    // seed-derived dimensions did) in a database created by an earlier version.
    const views = await conn.runAndReadAll("SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary AND schema_name = 'main'");
    for (const [view] of views.getRowsJson()) await conn.run(`DROP VIEW IF EXISTS "${String(view)}"`);
    for (const { name } of sqlFiles().filter((f) => !isStorage(f.name))) {
      await runScript(conn, readSql(name));
    }
  });
}

/** Re-materializes the marts after new data lands; the scores too unless told not to
 * (a long run refreshes indicators as it goes, scores once at its end). */
export async function refreshMarts(db: Database, { scores = true } = {}): Promise<void> {
  await db.exclusive(async (conn) => {
    for (const { name } of sqlFiles().filter((f) => f.mart || (scores && f.scores))) {
      await runScript(conn, readSql(name));
    }
  });
}
