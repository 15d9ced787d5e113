// Faults a real deployment meets: a flaky, slow or long-down source, a process killed
// mid-run (SIGKILL), and manual backfills of a window next to the scheduled runs.
import { dayOf } from '../../core/time.js';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FEEDS } from '../../ingest/feeds/index.js';
import { Collector, type Job } from '../../ingest/runner.js';
import { runOptions } from '../../ingest/scheduler.js';
import type { Faults } from '../../demo/simulator/app.js';
import { HttpSource } from '../../ingest/source.js';
import { parseConfig } from '../../app/config.js';
import { Database } from '../../warehouse/database.js';
import { setUpDatabase } from '../../app/setup.js';
import { ROOT } from '../../core/paths.js';
import { freshDb } from '../support/db.js';
import { startFeedServer, type Records } from '../support/feed-server.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };
const NOW = Date.parse('2025-03-20T12:00:00+08:00');
const opts = { trigger: 'manual' as const, initialSince: '2025-03-01T00:00:00+08:00|', pageSize: 25 };

const COUNTIES = ['370102', '370103', '370104', '370105'];
const ITEMS = ['reg_enroll', 'reg_change', 'pension_transfer', 'pension_claim', 'contrib_declare'];
const CHANNELS = ['web', 'mobile', 'window', 'kiosk'];
const at = (day: number, h: number, m = 0) => `2025-03-${String(day).padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+08:00`;

/** n service cases accepted 03-03..03-12 in four counties, two thirds completed, two malformed. */
function cases(n: number): Records[string] {
  return Array.from({ length: n }, (_, i) => {
    const day = 3 + (i % 10);
    const accepted = at(day, 9, i % 60);
    const completed = i % 3 === 0 ? null : at(day + (i % 6), 15, i % 60);
    const id = `K${String(i).padStart(4, '0')}`;
    return {
      id,
      updated_at: completed ?? accepted,
      case_id: id,
      region_code: i === 333 ? '379999' : COUNTIES[i % 4],
      item: ITEMS[i % 5],
      channel: i === 50 ? 'fax' : CHANNELS[(i >> 2) % 4],
      accepted_at: accepted,
      completed_at: completed,
      limit_days: 5,
    };
  });
}

const uploads: Records[string] = COUNTIES.map((region_code, i) => ({
  id: `${region_code}|insured|2025-02`,
  updated_at: at(5 + i, 10),
  region_code,
  dataset: 'insured',
  period: '2025-02',
  due_at: '2025-03-06T23:59:59+08:00',
  uploaded_at: at(5 + i, 10),
  row_count: 100,
}));

async function source(records: Records, faults: Faults = {}) {
  const server = await startFeedServer(records, () => NOW, faults);
  cleanups.push(() => server.close());
  return server;
}

async function db(): Promise<Database> {
  const d = await freshDb();
  cleanups.push(() => d.close());
  return d;
}

const job = (url: string, feed: string, timeoutMs = 5000): Job => ({ name: feed, feed: FEEDS[feed], source: new HttpSource(url, FEEDS[feed].path, timeoutMs) });

/** Everything a run changes: raw and quarantined rows, additive aggregates, indicator values. */
async function snapshot(d: Database) {
  const [counts] = await d.rows(`
    SELECT (SELECT count(*) FROM raw_case)::INT AS cases, (SELECT count(DISTINCT case_id) FROM raw_case)::INT AS distinct_cases,
           (SELECT count(*) FROM ops_quarantine)::INT AS quarantined,
           (SELECT sum(accepted) + sum(accepted_online) + sum(due) + sum(due_on_time) + sum(completed) FROM agg_case_day)::INT AS agg_day,
           (SELECT sum(completed_seconds) FROM agg_case_day)::BIGINT AS agg_seconds,
           (SELECT sum(cases) FROM agg_case_duration_month)::INT AS agg_duration`);
  const metrics = await d.rows('SELECT * FROM mart_metric_value ORDER BY region_code, period_type, period, metric');
  return { counts, metrics };
}

describe('retries', () => {
  it('retries a source that answers 503 twice, then loads everything', async () => {
    const faults: Faults = { failNext: [503, 503] };
    const src = await source({ cases: cases(40) }, faults);
    const d = await db();
    const run = await new Collector(d, FAST_RETRY).run(job(src.url, 'cases'), opts);
    expect(run).toMatchObject({ status: 'ok', retries: 2, rows_in: 40, rows_written: 40 });
    expect(faults.failNext).toEqual([]);
    expect(await d.rows('SELECT status, retries, rows_in FROM ops_run')).toEqual([{ status: 'ok', retries: 2, rows_in: 40 }]);
    expect((await snapshot(d)).counts.cases).toBe(40);
  });

  it('does not retry a client error, and gives up on a timeout after its attempts', async () => {
    const src = await source({ cases: cases(5) }, { failNext: [404] });
    const d = await db();
    const collector = new Collector(d, FAST_RETRY);
    expect(await collector.run(job(src.url, 'cases'), opts)).toMatchObject({ status: 'failed', retries: 0, error: expect.stringMatching(/HTTP 404/) });

    const slow = await source({ cases: cases(5) }, { latencyMs: 300 });
    const run = await collector.run(job(slow.url, 'cases', 100), opts);
    expect(run).toMatchObject({ status: 'failed', retries: 3, error: expect.stringMatching(/timed out after 100 ms$/) });
    expect(await collector.watermark('cases')).toBeNull();
  });
});

describe('a source down for hours', () => {
  it('fails only its own runs, and the first run after it returns catches up', async () => {
    const faults: Faults = { down: true };
    const platform = await source({ cases: cases(30) }, faults);
    const other = await source({ uploads });
    const d = await db();
    const collector = new Collector(d, FAST_RETRY);
    const jobs = [job(platform.url, 'cases'), job(other.url, 'uploads')];

    // Scheduled ticks while the platform is down: uploads keep landing.
    for (let tick = 0; tick < 2; tick++) {
      const runs = await Promise.all(jobs.map((j) => collector.run(j, opts)));
      expect(runs.map((r) => r.status)).toEqual(['failed', 'ok']);
    }
    expect(await d.rows('SELECT count(*)::INT AS n FROM raw_upload')).toEqual([{ n: 4 }]);
    const health = async () => d.rows('SELECT feed, last_status, failed_since_success, rows_in, watermark FROM v_feed_health ORDER BY feed');
    expect(await health()).toEqual([
      { feed: 'cases', last_status: 'failed', failed_since_success: 2, rows_in: 0, watermark: null },
      { feed: 'uploads', last_status: 'ok', failed_since_success: 0, rows_in: 4, watermark: '2025-03-08T10:00:00+08:00|370105|insured|2025-02' },
    ]);

    // Back up, with more cases accumulated meanwhile: one run loads them all.
    faults.down = false;
    platform.set('cases', cases(60));
    expect(await collector.run(jobs[0], opts)).toMatchObject({ status: 'ok', rows_in: 60 });
    expect((await snapshot(d)).counts).toMatchObject({ cases: 59, quarantined: 1 }); // K0050 has channel 'fax'
    expect((await health())[0]).toMatchObject({ last_status: 'ok', failed_since_success: 0, rows_in: 60 });
  });
});

describe('backfill of a window', () => {
  it('loads only the window, leaves the scheduled watermark alone, and changes nothing when repeated', async () => {
    const src = await source({ cases: cases(60) });
    const d = await db();
    const collector = new Collector(d, FAST_RETRY);
    const window = { from: '2025-03-05T00:00:00+08:00|', to: Date.parse('2025-03-06T23:59:59+08:00') };
    // On an empty store: records updated 03-05 and 03-06 only, and no watermark set.
    const first = await collector.run(job(src.url, 'cases'), { ...opts, trigger: 'backfill', window });
    const inWindow = cases(60).filter((r) => r.updated_at >= at(5, 0) && r.updated_at < at(7, 0)).length;
    expect(first).toMatchObject({ status: 'ok', rows_in: inWindow });
    expect(await collector.watermark('cases')).toBeNull();

    const scheduled = await collector.run(job(src.url, 'cases'), opts);
    expect(scheduled).toMatchObject({ status: 'ok', rows_in: 60 });
    const watermark = await collector.watermark('cases');
    const before = await snapshot(d);
    expect(before.counts).toMatchObject({ cases: 59, distinct_cases: 59 });

    const again = await collector.run(job(src.url, 'cases'), { ...opts, trigger: 'backfill', window });
    expect(again).toMatchObject({ status: 'ok', rows_in: inWindow });
    expect(await collector.watermark('cases')).toBe(watermark);
    expect(await snapshot(d)).toEqual(before);
  });
});

describe('SIGKILL in the middle of a run', () => {
  it('loses and duplicates nothing: kill -9, re-run, and every count and indicator equals an uninterrupted run', async () => {
    const records = { cases: cases(400) };
    const faults: Faults = { latencyMs: 150 };
    const src = await source(records, faults);
    const dir = mkdtempSync(join(tmpdir(), 'si-kill-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    // Backfill from 2025-03-01, as many months back as that is from today.
    const [year, month] = dayOf(Date.now()).split('-').map(Number);
    const months = year * 12 + month - 1 - (2025 * 12 + 2);
    const raw = {
      server: { port: 0, dbPath: join(dir, 'killed.duckdb') },
      source: { baseUrl: src.url, timeoutMs: 10_000 },
      simulator: { port: 0, seed: 'unused', casesPerDay: 1 },
      collectors: { backfillMonths: months, refreshEveryPages: 1000, retry: FAST_RETRY, feeds: { cases: { schedule: '0 * * * * *', pageSize: 40 } } },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(raw));
    const config = parseConfig(raw);

    // The collect CLI in a child process against the slow source; kill -9 after 3 committed pages.
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/collect.ts', 'cases'], {
      cwd: ROOT,
      env: { ...process.env, SI_CONFIG: join(dir, 'config.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_code, signal) => r(signal)));
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        log += d;
        if ((log.match(/ page \d+ /g) ?? []).length >= 3) resolve();
      });
      child.once('exit', () => reject(new Error(`collector exited before it was killed:\n${log}`)));
    });
    // While it runs, a second process cannot open the store: DuckDB's file lock keeps writers single.
    await expect(Database.open(config.server.dbPath)).rejects.toThrow(/lock/i);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const killed = await Database.open(config.server.dbPath, { readers: 1 });
    cleanups.push(() => killed.close());
    await setUpDatabase(killed);
    const partial = (await snapshot(killed)).counts.cases;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(398);
    faults.latencyMs = 0;
    const resumed = new Collector(killed, FAST_RETRY);
    await resumed.recoverInterrupted();
    const rerun = await resumed.run(job(src.url, 'cases'), runOptions(config, 'cases', 'manual'));
    expect(rerun.status).toBe('ok');
    expect(await killed.rows('SELECT status, error FROM ops_run ORDER BY run_id')).toEqual([
      { status: 'failed', error: 'interrupted: the process stopped during this run' },
      { status: 'ok', error: null },
    ]);

    const clean = await db();
    const uninterrupted = await new Collector(clean, FAST_RETRY).run(job(src.url, 'cases'), runOptions(config, 'cases', 'manual'));
    expect(uninterrupted).toMatchObject({ status: 'ok', rows_in: 400, rows_written: 398, rows_rejected: 2 });
    const expected = await snapshot(clean);
    expect(expected.counts).toMatchObject({ cases: 398, distinct_cases: 398, quarantined: 2 });
    expect(expected.metrics.length).toBeGreaterThan(50);
    expect(await snapshot(killed)).toEqual(expected);
  });
});

describe('late data', () => {
  it('an upload that arrives after its deadline (and after earlier runs) is loaded and counted late', async () => {
    const obligation = { ...uploads[0], updated_at: at(1, 0), uploaded_at: null, row_count: null };
    const src = await source({ uploads: [obligation] });
    const d = await db();
    const collector = new Collector(d, FAST_RETRY);
    await collector.run(job(src.url, 'uploads'), opts);
    const timeliness = () =>
      d.rows(
        "SELECT numerator, denominator FROM mart_metric_value WHERE metric = 'upload_timeliness' AND region_code = '370102' AND period_type = 'month' AND period = '2025-03'",
      );
    expect(await timeliness()).toEqual([{ numerator: 0, denominator: 1 }]); // missing at the deadline 03-06

    // Uploaded on 03-15, nine days late: the next run picks it up; it stays late.
    src.set('uploads', [{ ...obligation, updated_at: at(15, 11), uploaded_at: at(15, 11), row_count: 100 }]);
    expect(await collector.run(job(src.url, 'uploads'), opts)).toMatchObject({ status: 'ok', rows_in: 1, rows_written: 1 });
    expect(await d.rows('SELECT uploaded_at::VARCHAR AS uploaded_at, row_count FROM raw_upload')).toEqual([
      { uploaded_at: '2025-03-15 11:00:00', row_count: 100 },
    ]);
    expect(await timeliness()).toEqual([{ numerator: 0, denominator: 1 }]);
  });
});
