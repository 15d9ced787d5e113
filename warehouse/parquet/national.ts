// Runnable example of a national level (docs/SCALE.md): two provinces' exports read as one,
// aggregates only, rolled up to a national root by summing additive parts.
// The seeds carry one province, so the second is the first relabelled (codes 37… → 41…,
// names prefixed) — the mechanics are the same for real exports.
//   npx tsx scale/national-example.ts [export dir, default data/export]
import { join, resolve } from 'node:path';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../database.js';
import { DIMENSIONS, PARTITIONED, provinceOf } from './export.js';
import { assertExport, openParquetViews } from './views.js';

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
      const relabel = table === 'dim_region'
        ? `SELECT ${code('code')} AS code, '${namePrefix}' || name AS name, level, ${code('parent_code')} AS parent_code FROM read_parquet('${join(src, 'dim', 'dim_region.parquet')}')`
        : `SELECT * FROM read_parquet('${join(src, 'dim', `${table}.parquet`)}')`;
      await db.exec(`COPY (${relabel}) TO '${join(dst, 'dim', `${table}.parquet`)}' (FORMAT parquet)`);
    }
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const src = resolve(process.argv[2] ?? 'data/export');
  const second = `${src}-province-41`;
  await relabelExport(src, second, '37', '41', '乙省·');
  const db = await openParquetViews([src, second], { aggregatesOnly: true, nation: { code: '000000', name: '全国' } });
  try {
    const rows = await db.rows(
      `SELECT region_code, period, metric, numerator, denominator, round(value, 2) AS value
       FROM v_metric_value WHERE region_code IN ('000000', '370000', '410000') AND period_type = 'year'
         AND metric IN ('on_time_rate', 'online_rate', 'upload_timeliness', 'handling_days_median')
       ORDER BY metric, period, region_code`,
    );
    console.table(rows);
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: Error) => {
    console.error(err.message);
    process.exit(1);
  });
}
