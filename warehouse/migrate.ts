// Brings a database up to date at every start: the storage files, the seeds, then every
// model file in the pipeline's order (sql/pipeline.json), each mart created right after its
// view, empty and every period marked stale. Filling the marts is a refresh (refreshMarts),
// apart from this, so stored data the SQL cannot compute fails that refresh, not the start.
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SEEDS_DIR } from '../core/paths.js';
import type { Database } from './database.js';
import { loadCalendar, reconcileCalendar } from './calendar.js';
import { MART_CATALOG, createMart, modelFile, pipeline, refreshMart, runScript, sqlText, storageFile } from './pipeline.js';
import { markAllStale } from './refresh.js';

interface SeedTable {
  table: string;
  file: string;
  columns: Record<string, string>;
}

// Reference data, reloaded at every start so an edited seed file takes effect.
const SEEDS: SeedTable[] = [
  {
    table: 'dim_region',
    file: 'regions.csv',
    columns: { code: 'VARCHAR', name: 'VARCHAR', level: 'VARCHAR', parent_code: 'VARCHAR', kind: 'VARCHAR', initials: 'VARCHAR' },
  },
  {
    table: 'dim_indicator',
    file: 'appendix-a.tsv',
    columns: {
      code: 'VARCHAR',
      p1: 'VARCHAR',
      p2: 'VARCHAR',
      name: 'VARCHAR',
      category: 'VARCHAR',
      methods: 'VARCHAR',
      description: 'VARCHAR',
      notes: 'VARCHAR',
    },
  },
  {
    table: 'dim_metric',
    file: 'metrics.csv',
    columns: {
      code: 'VARCHAR',
      name: 'VARCHAR',
      unit: 'VARCHAR',
      higher_is_better: 'BOOLEAN',
      appendix_code: 'VARCHAR',
      definition: 'VARCHAR',
      feed: 'VARCHAR',
      min_value: 'DOUBLE',
      max_value: 'DOUBLE',
    },
  },
  { table: 'dim_service_item', file: 'service-items.csv', columns: { code: 'VARCHAR', name: 'VARCHAR', item_group: 'VARCHAR', limit_days: 'INTEGER' } },
  { table: 'dim_rating_rule', file: 'rating-rules.csv', columns: { visit_days: 'INTEGER', rectify_days: 'INTEGER', basic_counts_as_good: 'BOOLEAN' } },
  { table: 'dim_channel', file: 'channels.csv', columns: { code: 'VARCHAR', name: 'VARCHAR', is_online: 'BOOLEAN' } },
  {
    table: 'dim_report_figure',
    file: 'report-figures.csv',
    columns: {
      figure: 'VARCHAR',
      name: 'VARCHAR',
      unit: 'VARCHAR',
      stock: 'BOOLEAN',
      whole: 'BOOLEAN',
      min_value: 'DOUBLE',
      max_value: 'DOUBLE',
      at_most: 'VARCHAR',
    },
  },
];

async function loadSeeds(conn: DuckDBConnection): Promise<void> {
  for (const seed of SEEDS) {
    const path = join(SEEDS_DIR, seed.file);
    const cols = Object.entries(seed.columns)
      .map(([k, v]) => `'${k}': '${v}'`)
      .join(', ');
    const delim = seed.file.endsWith('.tsv') ? '\t' : ',';
    await conn.run(`DELETE FROM ${seed.table}`);
    await conn.run(`INSERT INTO ${seed.table} BY NAME SELECT * FROM read_csv($path, header = true, delim = $delim, quote = '"', columns = {${cols}})`, {
      path,
      delim,
    });
  }
  await loadCalendar(conn);
}

/** Reference data loaded by a layer above the warehouse (e.g. the scoring schemes), in the
 * seed transaction after the seed files, before the views and marts are built on it. */
export type SeedLoader = (conn: DuckDBConnection) => Promise<unknown>;

/** Creates tables, loads seeds (the seed files and the calendar, then `seeds`), (re)defines
 * every view, creates the marts empty with every period stale for the next refresh, and
 * reconciles the case aggregates with the calendar. */
export async function migrate(db: Database, { seeds = [] }: { seeds?: SeedLoader[] } = {}): Promise<void> {
  await db.exclusive(async (conn) => {
    await conn.run("SET TimeZone = 'Asia/Shanghai'");
    await defineStorage(conn);
  });
  await db.transaction(async (conn) => {
    await loadSeeds(conn);
    for (const load of seeds) await load(conn);
  });
  await db.exclusive(
    async (conn) => {
      // Every view is redefined from the model; dropping them first leaves none behind that
      // the model no longer has. The marts are rebuilt in full with their views' columns.
      const views = await conn.runAndReadAll("SELECT view_name FROM duckdb_views() WHERE NOT internal AND NOT temporary AND schema_name = 'main'");
      for (const [view] of views.getRowsJson()) await conn.run(`DROP VIEW IF EXISTS "${String(view)}"`);
      const marts = await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = '${MART_CATALOG}'`);
      for (const [table] of marts.getRowsJson()) await conn.run(`DROP TABLE IF EXISTS ${MART_CATALOG}.main."${String(table)}"`);
      await defineViews(conn, { fill: false });
      await markAllStale(conn);
    },
    { marts: true },
  );
  await countStoredOutcomes(db);
  // The case aggregates hold deadlines from the calendar they were computed with; when the
  // calendar changed (a notice imported, the seeds edited), they are recomputed from the
  // first changed day (the marts, all stale, are then built by the first refresh).
  await reconcileCalendar(db);
}

/** A database made before case outcomes (issue 15) has ended cases and no outcome counts: they
 * are counted once from raw_case, every case stored then as completed (case_facts), so the
 * collectors' batches, which subtract a replaced case's outcome, find it there. */
async function countStoredOutcomes(db: Database): Promise<void> {
  await db.transaction(async (conn) => {
    const missing = await conn.runAndReadAll(
      'SELECT NOT EXISTS (FROM agg_case_outcome_month) AND EXISTS (FROM raw_case WHERE completed_at IS NOT NULL) AS missing',
    );
    if (missing.getRowsJson()[0][0] !== true) return;
    await conn.run("INSERT INTO agg_case_outcome_month BY NAME SELECT * FROM case_outcome_measures('v_case') ORDER BY day");
    await conn.run("UPDATE ops_refresh SET marts_from = DATE '1900-01-01', scores_from = DATE '1900-01-01'");
  });
}

/** Runs the storage files: tables, idempotent. */
export async function defineStorage(conn: DuckDBConnection): Promise<void> {
  for (const name of pipeline().storage) await runScript(conn, sqlText(storageFile(name)));
}

/** Runs the model files in order, each mart created right after its view; with `fill` (over a
 * Parquet export) each is built in full there, with every period in the refresh range. */
export async function defineViews(conn: DuckDBConnection, { fill = true } = {}): Promise<void> {
  await conn.run("SET VARIABLE refresh_from = DATE '1900-01-01'");
  const marts = new Map(pipeline().marts.map((m) => [m.view, m]));
  for (const name of pipeline().model) {
    await runScript(conn, sqlText(modelFile(name)));
    const mart = marts.get(name);
    if (mart) for (const sql of [createMart(mart), ...(fill ? refreshMart(mart) : [])]) await conn.run(sql);
  }
}
