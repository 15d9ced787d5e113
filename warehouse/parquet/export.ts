// Exports raw facts and additive aggregates as Parquet in a hive layout partitioned by
// province and month (<out>/<table>/province=370000/month=2025-05/data_0.parquet), plus
// the dimensions unpartitioned (<out>/dim/<table>.parquet) — the layout a distributed
// engine (Trino, Spark SQL) or a national level reads. See docs/SCALE.md.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from '../database.js';

/** Partitioned tables and the date column that gives each row its month. */
export const PARTITIONED: Record<string, string> = {
  raw_case: 'accepted_at',
  raw_report: 'period_month',
  raw_upload: 'period_month',
  raw_rating: 'rated_at',
  raw_complaint: 'received_at',
  agg_case_day: 'day',
  agg_case_duration_month: 'day',
  agg_case_outcome_month: 'day',
};

/** The reference tables, and the configured peer groups the comparisons were built with. */
export const DIMENSIONS = [
  'dim_region',
  'dim_service_item',
  'dim_channel',
  'dim_holiday',
  'dim_metric',
  'dim_indicator',
  'dim_rating_rule',
  // Which report figures are stocks: without it a quarter or year sums a stock's months as if a flow.
  'dim_report_figure',
  'cfg_peer_group',
];

/** The province a county belongs to: GB/T 2260 codes share the first two digits. */
export const provinceOf = (column: string) => `left(${column}, 2) || '0000'`;

export interface ExportSummary {
  table: string;
  rows: number;
}

export async function exportParquet(db: Database, outDir: string, onTable: (s: ExportSummary) => void = () => undefined): Promise<ExportSummary[]> {
  const out = resolve(outDir);
  const summaries: ExportSummary[] = [];
  mkdirSync(out, { recursive: true });
  for (const [table, dateColumn] of Object.entries(PARTITIONED)) {
    const dir = join(out, table);
    rmSync(dir, { recursive: true, force: true }); // a re-export replaces, never mixes with, the last one
    const result = await db.exec(
      `COPY (SELECT *, ${provinceOf('region_code')} AS province, strftime(${dateColumn}, '%Y-%m') AS month FROM ${table})
       TO '${dir}' (FORMAT parquet, PARTITION_BY (province, month), COMPRESSION zstd)`,
    );
    if (result.rowsChanged === 0) rmSync(dir, { recursive: true, force: true }); // no partitions, no folder
    summaries.push({ table, rows: result.rowsChanged });
    onTable(summaries.at(-1)!);
  }
  mkdirSync(join(out, 'dim'), { recursive: true });
  for (const table of DIMENSIONS) {
    const result = await db.exec(`COPY ${table} TO '${join(out, 'dim', `${table}.parquet`)}' (FORMAT parquet)`);
    summaries.push({ table, rows: result.rowsChanged });
    onTable(summaries.at(-1)!);
  }
  return summaries;
}
