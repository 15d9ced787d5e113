// One benchmark size, run in its own process (so peak RSS is this size's): generate two
// years of history in SQL, let a new month land through the collectors' write path, time
// the refresh, then load the API with the dashboard's queries while a collector writes.
// Reports progress and the result to the parent over IPC.
import { fork } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { RunSummary } from '../collectors/runner.js';
import { createApp } from '../server/app.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../server/db/database.js';
import { migrate, readSql, runScript } from '../server/db/schema.js';
import { ROOT } from '../server/paths.js';
import type { LoadResult } from './load.js';
import { TableCollector } from './table-source.js';

export interface SizeOptions {
  cases: number;
  dir: string;
  port: number;
  batch: number;
  loadSeconds: number;
  rate: number;
  memoryLimit: string;
}

export interface SizeResult {
  cases: number;
  history_s: number;
  ingest_rows: number;
  ingest_rows_per_s: number;
  batch: number;
  refresh_s: number;
  api: LoadResult;
  rows_during_load: number;
  bulk_rows: number;
  bulk_rows_per_s: number;
  peak_rss_bytes: number;
  db_bytes: number;
}

export type SizeMessage = { progress: string } | { result: SizeResult } | { error: string };

const HISTORY_START = "DATE '2023-06-01'";
const HISTORY_DAYS = 730; // 2023-06-01 .. 2025-05-30
const NOW = "TIMESTAMP '2025-06-01 00:00:00'";
const CHUNK = 5_000_000;

const say = (progress: string) => process.send?.({ progress } satisfies SizeMessage);

/** Writes the history straight into raw_* and agg_* in chunks of CHUNK cases. */
async function generateHistory(db: Database, n: number): Promise<void> {
  await db.exclusive(async (c) => {
    await c.run('CREATE OR REPLACE TEMP TABLE part_day AS FROM agg_case_day LIMIT 0');
    await c.run('CREATE OR REPLACE TEMP TABLE part_duration AS FROM agg_case_duration_month LIMIT 0');
    for (let lo = 0; lo < n; lo += CHUNK) {
      const hi = Math.min(n, lo + CHUNK);
      await c.run(`CREATE OR REPLACE TEMP TABLE chunk AS FROM gen_cases(0, ${n}, ${HISTORY_START}, ${HISTORY_DAYS}, ${NOW}, ${lo}, ${hi})`);
      await c.run('INSERT INTO raw_case FROM chunk');
      await c.run("CREATE OR REPLACE TEMP TABLE chunk_facts AS FROM case_facts('chunk')");
      await c.run("INSERT INTO part_day FROM case_day_measures('chunk_facts')");
      await c.run("INSERT INTO part_duration FROM case_duration_measures('chunk_facts')");
      say(`history: ${hi.toLocaleString('en')} / ${n.toLocaleString('en')} cases`);
    }
    await c.run(`INSERT INTO agg_case_day SELECT region_code, day, item, SUM(accepted), SUM(accepted_online), SUM(due),
      SUM(due_on_time), SUM(completed), SUM(completed_seconds), SUM(completed_workdays) FROM part_day GROUP BY ALL ORDER BY day`);
    await c.run('INSERT INTO agg_case_duration_month SELECT region_code, day, unit, bucket, SUM(cases) FROM part_duration GROUP BY ALL ORDER BY day');
    // An empty batch through the write path folds the history's older months, as the
    // collectors would have while writing it.
    await c.run('CREATE OR REPLACE TEMP TABLE stage_case AS FROM raw_case LIMIT 0');
    await runScript(c, readSql('maintenance/apply_case_batch.sql'));
    await c.run(`INSERT INTO raw_report FROM gen_report_rows(DATE '2023-06-01', 23)`);
    await c.run(`INSERT INTO raw_upload FROM gen_upload_rows(DATE '2023-06-01', 23, ${NOW})`);
    await c.run('DROP TABLE chunk; DROP TABLE chunk_facts; DROP TABLE part_day; DROP TABLE part_duration');
    await c.run('CHECKPOINT');
  });
}

/** Queues a month of source records (from..to) after those already queued: the month's new
 * cases (open, completed, restated) and the completions of earlier cases, its reports and uploads. */
async function queueMonth(db: Database, n: number, month: number): Promise<number> {
  // Returns the case records queued so far.
  const perMonth = Math.round(n / 24);
  const first = n + (month - 1) * perMonth; // case numbers after the history
  const from = `TIMESTAMP '2025-06-01 00:00:00' + INTERVAL ${month - 1} MONTH`;
  const to = `TIMESTAMP '2025-06-01 00:00:00' + INTERVAL ${month} MONTH`;
  // Cases of the two months before this one, whose completions arrive now.
  const earlier = month === 1
    ? `gen_case_records(0, ${n}, ${HISTORY_START}, ${HISTORY_DAYS}, ${from}, ${to}, ${n - 3 * perMonth}, ${n})`
    : `gen_case_records(${n + (month - 2) * perMonth}, ${perMonth}, CAST(${from} - INTERVAL 1 MONTH AS DATE), 30, ${from}, ${to}, ${n + (month - 2) * perMonth}, ${first})`;
  const fresh = `gen_case_records(${first}, ${perMonth}, CAST(${from} AS DATE), 30, ${from}, ${to}, ${first}, ${first + perMonth})`;
  const period = `CAST(${from} - INTERVAL 1 MONTH AS DATE)`;
  return db.exclusive(async (c) => {
    await c.run(`INSERT INTO src.feed_record
      SELECT feed, (SELECT coalesce(max(seq), 0) FROM src.feed_record) + row_number() OVER (ORDER BY updated_at, record), record
      FROM (SELECT 'cases' AS feed, * FROM ${earlier} WHERE updated_at >= ${from} AND updated_at < ${to}
            UNION ALL SELECT 'cases', * FROM ${fresh} WHERE updated_at < ${to}
            UNION ALL SELECT 'reports', * FROM gen_report_records(${period}, 1)
            UNION ALL SELECT 'uploads', * FROM gen_upload_records(${period}, 1, ${from}, ${to}))`);
    const reader = await c.runAndReadAll(`SELECT count(*) FILTER (WHERE feed = 'cases') FROM src.feed_record`);
    return Number(reader.getRowsJson()[0][0]);
  });
}

/** Runs a feed through the Collector; returns the run and the write-path milliseconds
 * (validation, staging, apply) — the run's time minus serving pages and the final refresh. */
async function collect(tc: TableCollector, feed: string, batch: number) {
  const { collector } = tc;
  const served = tc.servingMs;
  const started = performance.now();
  let lastPage = started;
  let refreshed = started;
  const onProgress = (p: RunSummary & { pages: number }) => {
    lastPage = performance.now();
    if (p.pages % 10 === 0) say(`ingest ${feed}: ${p.rows_written.toLocaleString('en')} rows`);
  };
  const onChanged = () => (refreshed = performance.now());
  collector.on('progress', onProgress);
  collector.on('data-changed', onChanged);
  const run = await tc.run(feed, { trigger: 'manual', pageSize: batch });
  collector.off('progress', onProgress);
  collector.off('data-changed', onChanged);
  if (run.status !== 'ok') throw new Error(`${feed} run failed: ${run.error}`);
  return { run, writeMs: lastPage - started - (tc.servingMs - served), refreshMs: refreshed - lastPage };
}

function runLoad(url: string, seconds: number, rate: number): Promise<LoadResult> {
  const child = fork(join(ROOT, 'bench/load.ts'), [url, String(seconds), String(rate)], { execArgv: ['--import', 'tsx'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: LoadResult) => resolve(m));
    child.once('exit', (code) => reject(new Error(`load generator exited with code ${code}`)));
  });
}

async function runSize(o: SizeOptions): Promise<SizeResult> {
  const path = join(o.dir, `bench-${o.cases}.duckdb`);
  const sourcePath = join(o.dir, `bench-${o.cases}-source.duckdb`);
  const files = [path, `${path}.wal`, sourcePath, `${sourcePath}.wal`];
  for (const f of files) rmSync(f, { force: true });
  // The simulated source's file lives in the bench folder, which SQL must be allowed to open.
  const db = await Database.open(path, { memoryLimit: o.memoryLimit, threads: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, o.dir] });
  try {
    await migrate(db);
    await db.exclusive(async (c) => {
      await runScript(c, readFileSync(join(ROOT, 'bench/generate.sql'), 'utf8'));
      // The simulated source's records live in their own file, outside the measured database.
      await c.run(`ATTACH '${sourcePath}' AS src`);
      await c.run('CREATE TABLE src.feed_record (feed VARCHAR, seq BIGINT, record VARCHAR)');
    });

    let t = performance.now();
    await generateHistory(db, o.cases);
    const history_s = (performance.now() - t) / 1000;
    say(`history done in ${history_s.toFixed(0)} s; preparing a month of source records`);

    const tc = new TableCollector(db, 'src.feed_record');
    const queued = await queueMonth(db, o.cases, 1);
    say(`new month: ${queued.toLocaleString('en')} case records queued`);
    const cases = await collect(tc, 'cases', o.batch);
    await collect(tc, 'reports', o.batch);
    const last = await collect(tc, 'uploads', o.batch);
    say(`month landed: ${(cases.run.rows_written / (cases.writeMs / 1000)).toFixed(0)} rows/s; refresh ${(last.refreshMs / 1000).toFixed(1)} s`);

    // API under load while the next month's cases are being written.
    await queueMonth(db, o.cases, 2);
    const app = await createApp(db);
    const server = serve({ fetch: app.fetch, port: o.port, hostname: '127.0.0.1' });
    let loading = true;
    const live = new TableCollector(db, 'src.feed_record', () => !loading);
    say(`API load: ${o.rate} req/s for ${o.loadSeconds} s while the cases collector writes`);
    const writing = writeWhile(db, live, () => loading);
    const api = await runLoad(`http://127.0.0.1:${o.port}`, o.loadSeconds, o.rate);
    loading = false;
    const rowsDuringLoad = await writing;
    await new Promise((r) => server.close(r));

    // Bulk path (a backfill from a file export): a month of cases staged by one INSERT per
    // batch of 1,000,000 — as reading Parquet or an Arrow stream would — then the same apply script.
    const bulk = await bulkIngest(db, o.cases);
    say(`bulk path: ${Math.round(bulk.rows / bulk.seconds)} rows/s`);
    await db.exec('CHECKPOINT');

    return {
      cases: o.cases,
      history_s,
      ingest_rows: cases.run.rows_written,
      ingest_rows_per_s: cases.run.rows_written / (cases.writeMs / 1000),
      batch: o.batch,
      refresh_s: last.refreshMs / 1000,
      api,
      rows_during_load: rowsDuringLoad,
      bulk_rows: bulk.rows,
      bulk_rows_per_s: bulk.rows / bulk.seconds,
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
      db_bytes: statSync(path).size,
    };
  } finally {
    db.close();
    for (const f of files) rmSync(f, { force: true });
  }
}

/** Applies month 3's cases (as completed) through apply_case_batch.sql in batches of 1,000,000
 * staged by SQL; the source rows are generated beforehand, outside the timing. */
async function bulkIngest(db: Database, n: number): Promise<{ rows: number; seconds: number }> {
  const perMonth = Math.round(n / 24);
  const first = n + 2 * perMonth;
  const batch = 1_000_000;
  await db.exec(`CREATE OR REPLACE TABLE src.bulk_case AS
    FROM gen_cases(${first}, ${perMonth}, DATE '2025-08-01', 30, TIMESTAMP '2025-12-31 00:00:00', ${first}, ${first + perMonth})`);
  let seconds = 0;
  for (let lo = first; lo < first + perMonth; lo += batch) {
    const started = performance.now();
    await db.transaction(async (c) => {
      await c.run(`CREATE OR REPLACE TEMP TABLE stage_case AS
        FROM src.bulk_case WHERE CAST(substr(case_id, 15) AS BIGINT) BETWEEN ${lo} AND ${lo + batch - 1}`);
      await runScript(c, readSql('maintenance/apply_case_batch.sql'));
    });
    seconds += (performance.now() - started) / 1000;
  }
  return { rows: perMonth, seconds };
}

/** Keeps the cases collector writing (pages of 10,000, as configured for live runs, each run
 * ending with the marts' refresh) until told to stop; when the queued month is used up it
 * collects it again from the start — repeated batches cost the same and change nothing. */
async function writeWhile(db: Database, collector: TableCollector, going: () => boolean): Promise<number> {
  let rows = 0;
  while (going()) {
    const run = await collector.run('cases', { trigger: 'schedule', pageSize: 10_000 });
    if (run.status !== 'ok') throw new Error(`live cases run failed: ${run.error}`);
    rows += run.rows_written;
    if (going()) await db.exec("DELETE FROM ops_watermark WHERE feed = 'cases'");
  }
  return rows;
}

const options = JSON.parse(process.argv[2]) as SizeOptions;
runSize(options).then(
  (result) => process.send?.({ result } satisfies SizeMessage, () => process.exit(0)),
  (err: Error) => process.send?.({ error: err.stack ?? err.message } satisfies SizeMessage, () => process.exit(1)),
);
