// Sources that try to poison the store, as a red-team pass fed a running instance: a report
// file of impossible figures, a sparse workbook reaching XFD1048576, a page whose cursor does
// not parse, a refresh of the marts that fails — and a database that holds a bad figure from
// before the checks existed, restarted. None of it may stop another feed or the service.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import ExcelJS from 'exceljs';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';
import { FEEDS } from '../../ingest/feeds/index.js';
import { MartRefresher } from '../../ingest/marts.js';
import { Collector, type Job } from '../../ingest/runner.js';
import { HttpSource } from '../../ingest/source.js';
import { ReportFolderSource } from '../../ingest/sources/report-folder.js';
import { Database } from '../../warehouse/database.js';
import { runScript, sqlText, modelFile } from '../../warehouse/pipeline.js';
import { freshDb } from '../support/db.js';
import { signIn, signInOver } from '../support/auth.js';
import { startFeedServer } from '../support/feed-server.js';

const NO_RETRY = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
const opts = { trigger: 'manual' as const, initialSince: '2025-03-01T00:00:00+08:00|', pageSize: 50 };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function db(): Promise<Database> {
  const d = await freshDb();
  cleanups.push(() => d.close());
  return d;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'si-hostile-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const kase = (id: string, day: number) => ({
  id,
  updated_at: `2025-03-${String(day).padStart(2, '0')}T10:00:00+08:00`,
  case_id: id,
  region_code: '370102',
  item: 'reg_enroll',
  channel: 'web',
  accepted_at: `2025-03-${String(day).padStart(2, '0')}T09:00:00+08:00`,
  completed_at: `2025-03-${String(day).padStart(2, '0')}T10:00:00+08:00`,
  limit_days: 5,
});

async function platform(records: Parameters<typeof startFeedServer>[0]) {
  const server = await startFeedServer(records, () => Date.parse('2025-03-20T12:00:00+08:00'));
  cleanups.push(() => server.close());
  return server;
}

const httpJob = (url: string, feed: string): Job => ({ name: feed, feed: FEEDS[feed], source: new HttpSource(url, FEEDS[feed].path, 5000) });
const quarantined = (d: Database) => d.rows<{ natural_key: string; reason: string }>('SELECT natural_key, reason FROM ops_quarantine ORDER BY natural_key');

describe('a hostile report file in the drop folder', () => {
  it('is quarantined report by report with reasons naming figure, value and range; the good report and the cases still land', async () => {
    const d = await db();
    const dir = tempDir();
    const folder: Job = { name: 'report_files', feed: FEEDS.reports, source: new ReportFolderSource(join(dir, 'inbox'), join(dir, 'archive')) };
    const collector = new Collector(d, NO_RETRY);
    await collector.run(folder, opts);
    writeFileSync(
      join(dir, 'inbox', 'hostile.csv'),
      [
        'region_code,period,version,submitted_at,insured_registered,insured_target',
        '370102,2025-03,1,2025-04-10T09:00:00+08:00,960,1000',
        '370103,2025-03,1,2025-04-10T09:00:00+08:00,1e308,1000',
        '370104,2025-03,1,2025-04-10T09:00:00+08:00,NaN,1000',
        '370105,2099-01,1,2025-04-10T09:00:00+08:00,960,1000',
        '370112,2025-03,1,2099-05-01T10:00:00+08:00,960,1000',
        '370113,2025-03,1,2025-04-10T09:00:00+08:00,960.5,1000',
      ].join('\r\n'),
    );
    expect(await collector.run(folder, opts)).toMatchObject({ status: 'ok', rows_in: 6, rows_written: 2, rows_rejected: 5 });
    expect(await d.rows('SELECT region_code, metric, value FROM raw_report ORDER BY metric')).toEqual([
      { region_code: '370102', metric: 'insured_registered', value: 960 },
      { region_code: '370102', metric: 'insured_target', value: 1000 },
    ]);
    expect(await quarantined(d)).toEqual([
      { natural_key: '370103|2025-03|1', reason: 'hostile.csv row 3: figure insured_registered must be a whole number from 0 to 150000000 人: 1e+308' },
      { natural_key: '370104|2025-03|1', reason: 'hostile.csv row 4: figure insured_registered must be a whole number from 0 to 150000000 人: "NaN"' },
      { natural_key: '370105|2099-01|1', reason: `hostile.csv row 5: period must be a month from 2000-01 to ${currentMonth()}: "2099-01"` },
      { natural_key: '370112|2025-03|1', reason: 'hostile.csv row 6: submitted_at 2099-05-01 10:00:00 is in the future' },
      { natural_key: '370113|2025-03|1', reason: 'hostile.csv row 7: figure insured_registered must be a whole number from 0 to 150000000 人: 960.5' },
    ]);

    // The cases feed runs on, and the marts hold both feeds' data.
    const cases = await platform({ cases: [kase('C1', 3), kase('C2', 4)] });
    const run = await collector.run(httpJob(cases.url, 'cases'), opts);
    expect(run).toMatchObject({ status: 'ok', rows_written: 2 });
    expect(run.error).toBeUndefined();
    expect(
      await d.rows(
        "SELECT numerator, denominator FROM mart_metric_value WHERE metric = 'registration_rate' AND region_code = '370102' AND period_type = 'month' AND period = '2025-03'",
      ),
    ).toEqual([{ numerator: 960, denominator: 1000 }]);
    expect(
      await d.rows("SELECT numerator, denominator FROM mart_metric_value WHERE metric = 'online_rate' AND region_code = '370102' AND period = '2025-03'"),
    ).toEqual([{ numerator: 2, denominator: 2 }]);
    expect(await d.rows("SELECT count(*)::INT AS n FROM ops_run WHERE status = 'failed'")).toEqual([{ n: 0 }]);
  });

  it('refuses at once a sparse workbook reaching cell XFD1048576, naming the cell', async () => {
    const d = await db();
    const dir = tempDir();
    const folder: Job = { name: 'report_files', feed: FEEDS.reports, source: new ReportFolderSource(join(dir, 'inbox'), join(dir, 'archive')) };
    const collector = new Collector(d, NO_RETRY);
    await collector.run(folder, opts);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('月报');
    sheet.addRow(['region_code', 'period', 'version', 'insured_registered']);
    sheet.addRow(['370102', '2025-03', 1, 960]);
    sheet.getCell('XFD1048576').value = 1;
    await book.xlsx.writeFile(join(dir, 'inbox', 'sparse.xlsx'));
    const started = Date.now();
    expect(await collector.run(folder, opts)).toMatchObject({ status: 'ok', rows_written: 0, rows_rejected: 1 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await quarantined(d)).toEqual([
      { natural_key: 'sparse.xlsx', reason: 'sparse.xlsx: cell XFD1048576 holds a value beyond the 100000 rows and 256 columns (A to IV) a sheet may use' },
    ]);
  });
});

/** The current month, as the reports feed names it. */
const currentMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
/** Months from `month` to the current one: a backfill window that starts there. */
const monthsSince = (month: string) => {
  const [y, m] = currentMonth().split('-').map(Number);
  const [y0, m0] = month.split('-').map(Number);
  return y * 12 + m - (y0 * 12 + m0);
};

describe('a page whose cursor does not parse', () => {
  /** A platform answering every feed with one page, its `next` as given. */
  async function answering(next: unknown) {
    const app = new Hono();
    app.get('/api/:feed', (c) => c.json({ items: c.req.param('feed') === 'cases' ? [kase('X1', 9)] : [], next, has_more: false }));
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    cleanups.push(() => new Promise((r) => server.close(r)));
    return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  it('fails the run of each feed it answers, stores nothing of the page, and never becomes a watermark', async () => {
    const d = await db();
    const collector = new Collector(d, NO_RETRY);
    const good = await platform({ cases: [kase('C1', 3)] });
    expect(await collector.run(httpJob(good.url, 'cases'), opts)).toMatchObject({ status: 'ok', rows_written: 1 });
    const watermark = await collector.watermark('cases');
    expect(watermark).toBe('2025-03-03T10:00:00+08:00|C1');

    for (const [next, problem] of [
      ['not-a-cursor', 'a cursor that is not "ISO time|id": "not-a-cursor"'],
      ['2099-01-01T00:00:00+08:00|C9', 'a cursor in the future: "2099-01-01T00:00:00+08:00|C9"'],
    ]) {
      const poisoned = await answering(next);
      for (const feed of ['cases', 'reports', 'uploads']) {
        const run = await collector.run(httpJob(poisoned, feed), opts);
        expect(run, feed).toMatchObject({ status: 'failed', rows_written: 0, error: `/api/${feed} answered with ${problem}; nothing of the page was stored` });
      }
      expect(await collector.watermark('cases')).toBe(watermark);
      expect(await collector.watermark('reports')).toBeNull();
      expect(await collector.watermark('uploads')).toBeNull();
    }
    expect(await d.rows('SELECT case_id FROM raw_case')).toEqual([{ case_id: 'C1' }]);

    // The platform answers properly again: the feed resumes from its watermark.
    good.set('cases', [kase('C1', 3), kase('C2', 4)]);
    expect(await collector.run(httpJob(good.url, 'cases'), opts)).toMatchObject({ status: 'ok', rows_in: 1, rows_written: 1 });
    expect(await collector.watermark('cases')).toBe('2025-03-04T10:00:00+08:00|C2');
  });
});

describe('a checkpoint that fails after a run', () => {
  it('leaves the run ok and says so (unvacuumed marts would grow unseen)', async () => {
    const d = await db();
    const collector = new Collector(d, NO_RETRY);
    const failures: string[] = [];
    collector.on('checkpoint-failed', (r: { error: string }) => failures.push(r.error));
    d.checkpoint = () => Promise.reject(new Error('unknown compression method'));
    const cases = await platform({ cases: [kase('C1', 3)] });
    const run = await collector.run(httpJob(cases.url, 'cases'), opts);
    expect(run).toMatchObject({ status: 'ok', rows_written: 1 });
    expect(failures).toEqual([`after cases run ${run.run_id}: unknown compression method`]);
  });
});

describe('a refresh of the marts that fails', () => {
  it('leaves the run ok and its data landed, shows on feed health, and is retried until it succeeds', async () => {
    const d = await db();
    const marts = new MartRefresher(d, { baseDelayMs: 50, maxDelayMs: 200 });
    cleanups.push(() => marts.close());
    const collector = new Collector(d, NO_RETRY, marts);
    const failures: string[] = [];
    collector.on('refresh-failed', (r: { error: string }) => failures.push(r.error));
    // A report row the marts cannot compute, as a stand-in for any stored data the SQL fails on.
    await d.exec(`INSERT INTO raw_report VALUES ('370102', DATE '2025-03-01', 'insured_target', 1000, 1, TIMESTAMP '2025-04-10 09:00:00', 0),
      ('370102', DATE '2025-03-01', 'insured_registered', 960, 1, TIMESTAMP '2025-04-10 09:00:00', 0)`);
    await d.exec(
      "CREATE OR REPLACE VIEW v_report_current AS SELECT region_code, period_month, metric, CAST(error('cannot compute this report') AS DOUBLE) AS value, version, submitted_at FROM raw_report",
    );

    const cases = await platform({ cases: [kase('C1', 3), kase('C2', 4)] });
    const run = await collector.run(httpJob(cases.url, 'cases'), opts);
    expect(run).toMatchObject({ status: 'ok', rows_written: 2 });
    expect(run.error).toBeUndefined();
    expect(await d.rows('SELECT count(*)::INT AS n FROM raw_case')).toEqual([{ n: 2 }]);
    expect(failures).toEqual([expect.stringMatching(new RegExp(`^after cases run ${run.run_id}: .*cannot compute this report`))]);
    const health = () =>
      d.rows<{ feed: string; last_status: string; last_error: string | null }>('SELECT feed, last_status, last_error FROM v_feed_health ORDER BY feed');
    expect(await health()).toEqual([
      { feed: 'cases', last_status: 'ok', last_error: null },
      { feed: 'refresh', last_status: 'failed', last_error: failures[0] },
    ]);
    // Meanwhile the marts are as they were: empty, not half computed.
    expect(await d.rows('SELECT count(*)::INT AS n FROM mart_case_period')).toEqual([{ n: 0 }]);

    // Retried until the data can be computed again (here: the view put right).
    await d.exclusive((c) => runScript(c, sqlText(modelFile('v_report_current'))));
    await expect.poll(async () => (await health())[1], { timeout: 10_000 }).toMatchObject({ feed: 'refresh', last_status: 'ok', last_error: null });
    expect((await d.rows<{ n: number }>('SELECT count(*)::INT AS n FROM mart_case_period'))[0].n).toBeGreaterThan(0);
    expect(
      await d.rows(
        "SELECT numerator, denominator FROM mart_metric_value WHERE metric = 'registration_rate' AND region_code = '370102' AND period_type = 'month' AND period = '2025-03'",
      ),
    ).toEqual([{ numerator: 960, denominator: 1000 }]);
  });
});

describe('a database holding a figure of 1e308 from before the checks', () => {
  it('starts: the report is moved to the quarantine with its reason, the marts are built and the cases land', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'poisoned.duckdb');
    const before = await Database.open(dbPath, { readers: 1 });
    await (await import('../../app/setup.js')).setUpDatabase(before);
    const admin = (await signIn(before)).login; // the account the test reads the started service with
    await before.exec(`INSERT INTO ops_run (run_id, feed, trigger, started_at, ended_at, status) VALUES (7, 'report_files', 'schedule', TIMESTAMP '2025-04-10 09:00:00', TIMESTAMP '2025-04-10 09:00:01', 'ok');
      INSERT INTO raw_report VALUES
        ('370102', DATE '2025-03-01', 'insured_registered', 960, 1, TIMESTAMP '2025-04-10 09:00:00', 7),
        ('370102', DATE '2025-03-01', 'insured_target', 1000, 1, TIMESTAMP '2025-04-10 09:00:00', 7),
        ('370103', DATE '2025-03-01', 'insured_registered', 1e308, 1, TIMESTAMP '2025-04-10 09:00:00', 7),
        ('370103', DATE '2025-03-01', 'insured_target', 1000, 1, TIMESTAMP '2025-04-10 09:00:00', 7)`);
    before.close();

    const cases = await platform({ cases: [kase('C1', 3)] });
    const config = {
      server: { port: 0, dbPath },
      source: { baseUrl: cases.url, timeoutMs: 5000 },
      simulator: { port: 0, seed: 'unused', casesPerDay: 1 },
      collectors: {
        backfillMonths: monthsSince('2025-03'),
        refreshEveryPages: 1000,
        retry: NO_RETRY,
        feeds: { cases: { schedule: '0 0 * * *', pageSize: 100 } },
      },
    };
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const child = spawn(process.execPath, ['--import', 'tsx', 'bin/start.ts'], {
      cwd: ROOT,
      env: { ...process.env, SI_CONFIG: join(dir, 'config.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await exited;
    });
    let log = '';
    const url = await new Promise<string>((resolve, reject) => {
      const read = (d: Buffer) => {
        log += d;
        const m = /on (http:\/\/localhost:\d+)/.exec(log);
        if (m) resolve(m[1]);
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('exit', () => reject(new Error(`the service did not start:\n${log}`)));
    });
    expect(log).toContain("[start] 1 stored report(s) fail today's checks: moved to the quarantine");
    const headers = await signInOver(url, admin);
    const get = async (path: string) => (await fetch(`${url}${path}`, { headers })).json();
    expect((await get('/api/quarantine?feed=report_files')).data).toEqual([
      expect.objectContaining({
        run_id: 7,
        natural_key: '370103|2025-03|1',
        reason: 'figure insured_registered must be a whole number from 0 to 150000000 人: 1e+308 (stored earlier; moved out of raw_report at start-up)',
      }),
    ]);
    const registration = await get('/api/values?metric=registration_rate&region=370102&from=2025-03&to=2025-03');
    expect(registration.data).toEqual([expect.objectContaining({ numerator: 960, denominator: 1000, value: 96 })]);
    // The start-up run of the cases lands and refreshes the marts.
    await expect
      .poll(async () => (await get('/api/feeds/health')).data, { timeout: 20_000 })
      .toEqual([
        expect.objectContaining({ feed: 'cases', last_status: 'ok', rows_written: 1 }),
        expect.objectContaining({ feed: 'report_files', quarantined: 1 }),
      ]);
  });
});
