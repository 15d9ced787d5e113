// One benchmark size, run in its own process (so peak RSS is this size's): generate two
// years of history in SQL, let a new month land through the collectors' write path, time
// the refresh, then load the API with the pages' requests while a collector writes.
// Reports progress and the result to the parent over IPC.
import { fork } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import type { RunSummary } from '../ingest/runner.js';
import { createApp } from '../api/app.js';
import { randomBytes } from 'node:crypto';
import { DEFAULT_ACCESS_CONFIG } from '../access/config.js';
import { Sessions } from '../access/sessions.js';
import { addUser, findUser, resetPassword } from '../access/users.js';
import { SESSION_COOKIE } from '../contracts/access.js';
import { DEFAULT_ALLOWED_DIRECTORIES, Database } from '../warehouse/database.js';
import { setUpDatabase } from '../app/setup.js';
import { refreshMarts } from '../warehouse/refresh.js';
import { ROOT } from '../core/paths.js';
import { bulkIngest, generateHistory, prepareSource, queueMonth } from './history.js';
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
  /** The cases run's own refresh: the month's cases landed to every value current. */
  cases_refresh_s: number;
  full_refresh_s: number;
  api: LoadResult;
  rows_during_load: number;
  bulk_rows: number;
  bulk_rows_per_s: number;
  /** DuckDB's own load of the bulk path's Parquet files into a table, nothing else. */
  parquet_rows_per_s: number;
  peak_rss_bytes: number;
  /** The JS heap (heapTotal) at the highest RSS sampled every 250 ms: how much of the peak is JavaScript's. */
  peak_heap_bytes: number;
  db_bytes: number;
}

export type SizeMessage = { progress: string } | { result: SizeResult } | { error: string };

const say = (progress: string) => process.send?.({ progress } satisfies SizeMessage);

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

/** A province-wide leader's session cookie for the load generator (the API answers only signed-in users). */
async function benchSession(db: Database): Promise<string> {
  const password = randomBytes(12).toString('base64url');
  if (!(await findUser(db, 'bench')))
    await addUser(db, { login: null, ip: null, userAgent: 'bench' }, { login: 'bench', region: '370000', roles: ['leader'], password });
  else await resetPassword(db, { login: null, ip: null, userAgent: 'bench' }, 'bench', password);
  const signed = await new Sessions(db, DEFAULT_ACCESS_CONFIG).login('bench', password, { ip: null, userAgent: 'bench' });
  if (!signed.ok) throw new Error(`bench sign-in failed: ${signed.message}`);
  return `${SESSION_COOKIE}=${signed.token}`;
}

function runLoad(url: string, seconds: number, rate: number, cookie: string): Promise<LoadResult> {
  const child = fork(join(ROOT, 'bench/load.ts'), [url, String(seconds), String(rate), cookie], { execArgv: ['--import', 'tsx'] });
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
  const memory = samplePeakMemory();
  try {
    await setUpDatabase(db);
    await prepareSource(db, sourcePath);

    let t = performance.now();
    await generateHistory(db, o.cases, say);
    const history_s = (performance.now() - t) / 1000;
    say(`history done in ${history_s.toFixed(0)} s; building every mart and score`);
    t = performance.now();
    await refreshMarts(db);
    const full_refresh_s = (performance.now() - t) / 1000;
    say(`full refresh ${full_refresh_s.toFixed(1)} s; preparing a month of source records`);

    const tc = new TableCollector(db, 'src.feed_record');
    const queued = await queueMonth(db, o.cases, 1);
    say(`new month: ${queued.toLocaleString('en')} case records queued`);
    const cases = await collect(tc, 'cases', o.batch);
    const reports = await collect(tc, 'reports', o.batch);
    const uploads = await collect(tc, 'uploads', o.batch);
    // Each run ends with a refresh of the periods it changed; together they make the month current.
    const refresh_s = (cases.refreshMs + reports.refreshMs + uploads.refreshMs) / 1000;
    say(`month landed: ${(cases.run.rows_written / (cases.writeMs / 1000)).toFixed(0)} rows/s; refresh ${refresh_s.toFixed(1)} s`);

    // API under load while the next month's cases are being written.
    await queueMonth(db, o.cases, 2);
    const app = await createApp(db);
    const server = serve({ fetch: app.fetch, port: o.port, hostname: '127.0.0.1' });
    let loading = true;
    const live = new TableCollector(db, 'src.feed_record', () => !loading);
    say(`API load: ${o.rate} req/s of the pages' requests for ${o.loadSeconds} s while the cases collector writes`);
    const writing = writeWhile(db, live, () => loading);
    // How long the server's event loop was held (collector work shares it with requests).
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const api = await runLoad(`http://127.0.0.1:${o.port}`, o.loadSeconds, o.rate, await benchSession(db));
    loop.disable();
    loading = false;
    const rowsDuringLoad = await writing;
    say(
      `API: ${api.distinct_urls} URLs, p99 ${api.mix.p99_ms} ms, max ${api.mix.max_ms} ms (/api/health p99 ${api.health.p99_ms} ms); server event-loop delay p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
    );
    await new Promise((r) => server.close(r));

    // Bulk path: a month of cases from Parquet files of 1,000,000, through the same scripts.
    const bulk = await bulkIngest(db, o.cases, o.dir);
    say(
      `bulk path: ${Math.round(bulk.rows / bulk.seconds)} rows/s; DuckDB's Parquet load of the same files ${Math.round(bulk.rows / bulk.parquetSeconds)} rows/s`,
    );
    await db.exec('CHECKPOINT');

    return {
      cases: o.cases,
      history_s,
      ingest_rows: cases.run.rows_written,
      ingest_rows_per_s: cases.run.rows_written / (cases.writeMs / 1000),
      batch: o.batch,
      refresh_s,
      cases_refresh_s: cases.refreshMs / 1000,
      full_refresh_s,
      api,
      rows_during_load: rowsDuringLoad,
      bulk_rows: bulk.rows,
      bulk_rows_per_s: bulk.rows / bulk.seconds,
      parquet_rows_per_s: bulk.rows / bulk.parquetSeconds,
      peak_rss_bytes: process.resourceUsage().maxRSS * 1024,
      peak_heap_bytes: memory.stop().heapTotal,
      db_bytes: statSync(path).size,
    };
  } finally {
    db.close();
    for (const f of files) rmSync(f, { force: true });
  }
}

/** The process's memory at its highest RSS, sampled every 250 ms until stop(). */
function samplePeakMemory(): { stop: () => NodeJS.MemoryUsage } {
  let peak = process.memoryUsage();
  const timer = setInterval(() => {
    const now = process.memoryUsage();
    if (now.rss > peak.rss) peak = now;
  }, 250);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
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
