// The system's SQL views over one or more exported Parquet layouts, in a DuckDB instance
// standing in for a distributed engine: every stored table becomes a view over its Parquet
// files, then the model files of sql/pipeline.json run unchanged. Several export directories
// (one per province) read as one national data set; pass aggregatesOnly to leave raw cases
// where they are (a national level needs only the additive aggregates).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../database.js';
import { defineStorage, defineViews } from '../migrate.js';
import { DIMENSIONS, PARTITIONED } from './export.js';

const list = (paths: string[]) => `[${paths.map((p) => `'${p}'`).join(', ')}]`;

export interface ParquetViewsOptions {
  /** A national level reads aggregates, reports and uploads — never raw cases. */
  aggregatesOnly?: boolean;
  /** A national root region above the exported provinces, so the views roll up to it. */
  nation?: { code: string; name: string };
}

export function assertExport(dir: string): void {
  if (!existsSync(join(dir, 'dim'))) throw new Error(`${dir} is not a Parquet export (no dim/ folder): run npm run export-parquet first`);
}

export async function openParquetViews(exportDirs: string[], opts: ParquetViewsOptions = {}): Promise<Database> {
  const dirs = exportDirs.map((d) => resolve(d));
  dirs.forEach(assertExport);
  // The exports are outside the default allow-list of directories SQL may read.
  const db = await Database.open(':memory:', { readers: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, ...dirs] });
  await db.exclusive(async (c) => {
    await c.run("SET TimeZone = 'Asia/Shanghai'");
    // The stored tables as in a single database, then the exported ones replaced by views
    // over their Parquet files (raw_case stays an empty table for a national level).
    await defineStorage(c);
    for (const table of Object.keys(PARTITIONED)) {
      if (opts.aggregatesOnly && table === 'raw_case') continue;
      const globs = dirs.filter((d) => existsSync(join(d, table))).map((d) => join(d, table, '**', '*.parquet'));
      if (globs.length === 0) continue;
      await c.run(`DROP TABLE ${table}`);
      await c.run(`CREATE VIEW ${table} AS SELECT * EXCLUDE (province, month) FROM read_parquet(${list(globs)}, hive_partitioning = true)`);
    }
    // Dimensions: the union of the exports' rows (each province brings its own regions).
    for (const table of DIMENSIONS) {
      const files = dirs.map((d) => join(d, 'dim', `${table}.parquet`));
      await c.run(`INSERT INTO ${table} SELECT DISTINCT * FROM read_parquet(${list(files)})`);
    }
    if (opts.nation) {
      await c.run("INSERT INTO dim_region (code, name, level, parent_code, kind, initials) VALUES ($code, $name, 'nation', NULL, 'division', '')", opts.nation);
      await c.run("UPDATE dim_region SET parent_code = $code WHERE level = 'province'", { code: opts.nation.code });
    }
    await defineViews(c);
  });
  return db;
}
