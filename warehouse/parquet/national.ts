// A second province for the national-level example (bin/national-example.ts, docs/SCALE.md):
// the seeds carry one province, so the second is an export of the first relabelled (codes
// 37… → 41…, names prefixed) — reading two exports as one works the same for real ones.
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../database.js';
import { DIMENSIONS, PARTITIONED, provinceOf } from './export.js';
import { assertExport } from './views.js';

/** Copies an export with every region code's first two digits replaced (a second province). */
export async function relabelExport(src: string, dst: string, from: string, to: string, namePrefix: string): Promise<void> {
  assertExport(src);
  rmSync(dst, { recursive: true, force: true });
  mkdirSync(join(dst, 'dim'), { recursive: true });
  const db = await Database.open(':memory:', { readers: 1, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, resolve(src), resolve(dst)] });
  const code = (col: string) => `CASE WHEN starts_with(${col}, '${from}') THEN '${to}' || substr(${col}, 3) ELSE ${col} END`;
  try {
    for (const [table, dateColumn] of Object.entries(PARTITIONED)) {
      // Raw cases stay in their province; tables the export has no files for are skipped.
      if (table === 'raw_case' || !existsSync(join(src, table))) continue;
      await db.exec(`COPY (SELECT * EXCLUDE (province, month) REPLACE (${code('region_code')} AS region_code),
                     ${provinceOf(code('region_code'))} AS province, strftime(${dateColumn}, '%Y-%m') AS month
                     FROM read_parquet('${join(src, table, '**', '*.parquet')}', hive_partitioning = true))
                     TO '${join(dst, table)}' (FORMAT parquet, PARTITION_BY (province, month))`);
    }
    for (const table of DIMENSIONS) {
      const relabel =
        table === 'dim_region'
          ? `SELECT ${code('code')} AS code, '${namePrefix}' || name AS name, level, ${code('parent_code')} AS parent_code, kind, initials FROM read_parquet('${join(src, 'dim', 'dim_region.parquet')}')`
          : `SELECT * FROM read_parquet('${join(src, 'dim', `${table}.parquet`)}')`;
      await db.exec(`COPY (${relabel}) TO '${join(dst, 'dim', `${table}.parquet`)}' (FORMAT parquet)`);
    }
  } finally {
    db.close();
  }
}
