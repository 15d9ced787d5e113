// The benchmark's data: two years of history written straight into raw_* and agg_*, and
// later months queued as source records for the collectors (bench/generate.sql does the
// generating). Shared by the benchmark and ad hoc profiling of one size.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { casesFeed } from '../ingest/feeds/cases.js';
import { applyBatch } from '../ingest/runner.js';
import { createRecordTable, queueRecords } from './table-source.js';
import type { Database } from '../warehouse/database.js';
import { runScript } from '../warehouse/pipeline.js';
import { markAllStale } from '../warehouse/refresh.js';
import { ROOT } from '../core/paths.js';

/** Defines the generators (temp macros) and attaches the simulated source's file, where the
 * queued records live outside the measured database. */
export async function prepareSource(db: Database, sourcePath: string): Promise<void> {
  await db.exclusive(async (c) => {
    await runScript(c, readFileSync(join(ROOT, 'bench/generate.sql'), 'utf8'));
    await c.run(`ATTACH '${sourcePath}' AS src`);
    await createRecordTable(c, 'src.feed_record');
  });
}

const HISTORY_START = "DATE '2023-06-01'";
const HISTORY_DAYS = 730; // 2023-06-01 .. 2025-05-30
const NOW = "TIMESTAMP '2025-06-01 00:00:00'";
const CHUNK = 5_000_000;

/** Writes the history straight into raw_* and agg_* in chunks of CHUNK cases. */
export async function generateHistory(db: Database, n: number, say: (progress: string) => void): Promise<void> {
  await db.exclusive(async (c) => {
    await c.run('CREATE OR REPLACE TEMP TABLE part_day AS FROM agg_case_day LIMIT 0');
    await c.run('CREATE OR REPLACE TEMP TABLE part_duration AS FROM agg_case_duration_month LIMIT 0');
    await c.run('CREATE OR REPLACE TEMP TABLE part_outcome AS FROM agg_case_outcome_month LIMIT 0');
    for (let lo = 0; lo < n; lo += CHUNK) {
      const hi = Math.min(n, lo + CHUNK);
      await c.run(`CREATE OR REPLACE TEMP TABLE chunk AS FROM gen_cases(0, ${n}, ${HISTORY_START}, ${HISTORY_DAYS}, ${NOW}, ${lo}, ${hi})`);
      await c.run('INSERT INTO raw_case FROM chunk');
      await c.run("CREATE OR REPLACE TEMP TABLE chunk_facts AS FROM case_facts('chunk')");
      await c.run("INSERT INTO part_day FROM case_day_measures('chunk_facts')");
      await c.run("INSERT INTO part_duration FROM case_duration_measures('chunk_facts')");
      await c.run("INSERT INTO part_outcome BY NAME FROM case_outcome_measures('chunk_facts')");
      say(`history: ${hi.toLocaleString('en')} / ${n.toLocaleString('en')} cases`);
    }
    await c.run(`INSERT INTO agg_case_day SELECT region_code, day, item, SUM(accepted), SUM(accepted_online), SUM(due),
      SUM(due_on_time), SUM(completed), SUM(completed_seconds), SUM(completed_workdays) FROM part_day GROUP BY ALL ORDER BY day`);
    await c.run('INSERT INTO agg_case_duration_month SELECT region_code, day, unit, bucket, SUM(cases) FROM part_duration GROUP BY ALL ORDER BY day');
    await c.run('INSERT INTO agg_case_outcome_month SELECT region_code, day, outcome, SUM(cases) FROM part_outcome GROUP BY ALL ORDER BY day');
    await c.run(`INSERT INTO raw_report FROM gen_report_rows(DATE '2023-06-01', 23)`);
    await c.run(`INSERT INTO raw_upload FROM gen_upload_rows(DATE '2023-06-01', 23, ${NOW})`);
    await c.run('DROP TABLE chunk; DROP TABLE chunk_facts; DROP TABLE part_day; DROP TABLE part_duration; DROP TABLE part_outcome');
  });
  // An empty batch through the write path folds the history's older months, as the
  // collectors would have while writing it.
  await applyBatch(db, casesFeed, (c) => c.run('CREATE OR REPLACE TEMP TABLE stage_case AS FROM raw_case LIMIT 0'));
  await db.exclusive(async (c) => {
    await markAllStale(c);
    await c.run('CHECKPOINT');
  });
}

/** Queues a month of source records (from..to) after those already queued: the month's new
 * cases (open, completed, restated) and the completions of earlier cases, its reports and uploads. */
export async function queueMonth(db: Database, n: number, month: number): Promise<number> {
  // Returns the case records queued so far.
  const perMonth = Math.round(n / 24);
  const first = n + (month - 1) * perMonth; // case numbers after the history
  const from = `TIMESTAMP '2025-06-01 00:00:00' + INTERVAL ${month - 1} MONTH`;
  const to = `TIMESTAMP '2025-06-01 00:00:00' + INTERVAL ${month} MONTH`;
  // Cases of the two months before this one, whose completions arrive now.
  const earlier =
    month === 1
      ? `gen_case_records(0, ${n}, ${HISTORY_START}, ${HISTORY_DAYS}, ${from}, ${to}, ${n - 3 * perMonth}, ${n})`
      : `gen_case_records(${n + (month - 2) * perMonth}, ${perMonth}, CAST(${from} - INTERVAL 1 MONTH AS DATE), 30, ${from}, ${to}, ${n + (month - 2) * perMonth}, ${first})`;
  const fresh = `gen_case_records(${first}, ${perMonth}, CAST(${from} AS DATE), 30, ${from}, ${to}, ${first}, ${first + perMonth})`;
  const period = `CAST(${from} - INTERVAL 1 MONTH AS DATE)`;
  return db.exclusive(async (c) => {
    await queueRecords(
      c,
      'src.feed_record',
      `
      SELECT 'cases' AS feed, * FROM ${earlier} WHERE updated_at >= ${from} AND updated_at < ${to}
      UNION ALL SELECT 'cases', * FROM ${fresh} WHERE updated_at < ${to}
      UNION ALL SELECT 'reports', * FROM gen_report_records(${period}, 1)
      UNION ALL SELECT 'uploads', * FROM gen_upload_records(${period}, 1, ${from}, ${to})`,
    );
    const reader = await c.runAndReadAll(`SELECT count(*) FILTER (WHERE feed = 'cases') FROM src.feed_record`);
    return Number(reader.getRowsJson()[0][0]);
  });
}

/** The bulk path (a backfill from the platform's columnar export): month 3's cases, as
 * completed, written beforehand (outside the timing) as Parquet files of 1,000,000 cases, then
 * each file read into the stage and applied with the cases feed's scripts. For comparison, DuckDB's
 * own load of the same files into an empty table shaped like raw_case (`parquetSeconds`). */
export async function bulkIngest(db: Database, n: number, dir: string): Promise<{ rows: number; seconds: number; parquetSeconds: number }> {
  const perMonth = Math.round(n / 24);
  const first = n + 2 * perMonth;
  const batch = 1_000_000;
  const files: string[] = [];
  for (let lo = first; lo < first + perMonth; lo += batch) {
    const file = join(dir, `bench-${n}-bulk-${files.length}.parquet`);
    await db.exec(`COPY (FROM gen_cases(${first}, ${perMonth}, DATE '2025-08-01', 30, TIMESTAMP '2025-12-31 00:00:00', ${lo}, ${Math.min(lo + batch, first + perMonth)}))
      TO '${file}' (FORMAT parquet)`);
    files.push(file);
  }
  let seconds = 0;
  let parquetSeconds = 0;
  try {
    await db.exec('CREATE OR REPLACE TABLE bench_parquet_load AS FROM raw_case LIMIT 0');
    for (const file of files) {
      let started = performance.now();
      await db.exec(`INSERT INTO bench_parquet_load FROM read_parquet('${file}')`);
      parquetSeconds += (performance.now() - started) / 1000;
      started = performance.now();
      await applyBatch(db, casesFeed, (c) => c.run(`CREATE OR REPLACE TEMP TABLE stage_case AS FROM read_parquet('${file}')`));
      seconds += (performance.now() - started) / 1000;
    }
  } finally {
    await db.exec('DROP TABLE IF EXISTS bench_parquet_load');
    for (const file of files) rmSync(file, { force: true });
  }
  return { rows: perMonth, seconds, parquetSeconds };
}
