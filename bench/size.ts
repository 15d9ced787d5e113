// One benchmark size, run in its own process (so peak RSS is this size's): generate two
// years of history in SQL (in a process of its own: bench/make-history.ts), let a new month land through the collectors' write path, time
// the refresh, then load the API with the pages' requests while a collector writes.
// Reports progress and the result to the parent over IPC.
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
import { migrateDatabase } from '../app/setup.js';
import { refreshMarts } from '../warehouse/refresh.js';
import { forkScript } from './fork.js';
import { bulkIngest, prepareSource, queueMonth } from './history.js';
import type { HistoryArgs, HistoryMessage } from './make-history.js';
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
  /** The month's last page landed (of the three feeds landing side by side) to every value current. */
  refresh_s: number;
  /** Refreshes the month's three runs took (one when they share it). */
  refreshes: number;
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

/** The feeds a month lands through (cases first: its run is the one timed). */
const MONTH_FEEDS = ['cases', 'reports', 'uploads'];

/** A progress line, with the process's RSS so far (which step makes the peak). */
const say = (progress: string) =>
  process.send?.({ progress: `${progress} (peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)` } satisfies SizeMessage);

/** Lands a month through the cases, reports and uploads collectors side by side, as at start-up
 * (the last run to end refreshes for them all). Returns the cases run, its write-path ms
 * (validation, staging, apply: the run's time minus serving pages), the refresh's ms (the
 * month's last page landed to every value current) and how many refreshes the month took. */
async function landMonth(tc: TableCollector, batch: number) {
  const { collector } = tc;
  const served = tc.source('cases').servingMs;
  const started = performance.now();
  const lastPage = new Map<string, number>();
  let refreshed = started;
  let refreshes = 0;
  const onProgress = (p: RunSummary & { pages: number }) => {
    lastPage.set(p.feed, performance.now());
    if (p.pages % 10 === 0) say(`ingest ${p.feed}: ${p.rows_written.toLocaleString('en')} rows`);
  };
  const onChanged = () => {
    refreshed = performance.now();
    refreshes++;
  };
  collector.on('progress', onProgress);
  collector.on('data-changed', onChanged);
  const runs = await Promise.all(MONTH_FEEDS.map((feed) => tc.run(feed, { trigger: 'manual', pageSize: batch })));
  collector.off('progress', onProgress);
  collector.off('data-changed', onChanged);
  for (const run of runs) if (run.status !== 'ok') throw new Error(`${run.feed} run failed: ${run.error}`);
  const landed = Math.max(...lastPage.values());
  return { cases: runs[0], writeMs: lastPage.get('cases')! - started - (tc.source('cases').servingMs - served), refreshMs: refreshed - landed, refreshes };
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
  const child = forkScript('load.ts', [url, String(seconds), String(rate), cookie]);
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
  let t = performance.now();
  await makeHistory({ path, sourcePath, dir: o.dir, cases: o.cases, memoryLimit: o.memoryLimit });
  const history_s = (performance.now() - t) / 1000;
  // The simulated source's file lives in the bench folder, which SQL must be allowed to open.
  const db = await Database.open(path, { memoryLimit: o.memoryLimit, threads: 2, allowedDirectories: [...DEFAULT_ALLOWED_DIRECTORIES, o.dir] });
  const memory = samplePeakMemory();
  try {
    // As the service starts: migrated (the in-memory marts empty, every period stale), then built.
    await migrateDatabase(db);
    await prepareSource(db, sourcePath);
    say(`history done in ${history_s.toFixed(0)} s (in its own process); building every mart and score`);
    t = performance.now();
    await refreshMarts(db);
    const full_refresh_s = (performance.now() - t) / 1000;
    say(`full refresh ${full_refresh_s.toFixed(1)} s; preparing a month of source records`);

    const tc = new TableCollector(db, 'src.feed_record');
    const queued = await queueMonth(db, o.cases, 1);
    say(`new month: ${queued.toLocaleString('en')} case records queued`);
    const month = await landMonth(tc, o.batch);
    const refresh_s = month.refreshMs / 1000;
    say(`month landed: ${(month.cases.rows_written / (month.writeMs / 1000)).toFixed(0)} rows/s; ${month.refreshes} refresh(es), ${refresh_s.toFixed(1)} s`);

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
      ingest_rows: month.cases.rows_written,
      ingest_rows_per_s: month.cases.rows_written / (month.writeMs / 1000),
      batch: o.batch,
      refresh_s,
      refreshes: month.refreshes,
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

/** Generates the history in a process of its own (bench/make-history.ts), its progress passed on. */
function makeHistory(args: HistoryArgs): Promise<void> {
  const child = forkScript('make-history.ts', [JSON.stringify(args)]);
  return new Promise((resolve, reject) => {
    child.on('message', (m: HistoryMessage) => process.send?.(m satisfies SizeMessage));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the history generator exited with code ${code}`))));
  });
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
