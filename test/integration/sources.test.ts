// Sources a deployment has besides the platform's API: a drop folder of statistical
// report files (CSV, XLSX) and an agency's PostgreSQL business database.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS } from '../../ingest/feeds/index.js';
import { Collector, type Job } from '../../ingest/runner.js';
import { PostgresSource } from '../../ingest/sources/postgres.js';
import { ReportFolderSource } from '../../ingest/sources/report-folder.js';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { freshDb } from '../support/db.js';
import { postgresBinDir, startPostgres, type Postgres } from '../support/postgres.js';

const NO_RETRY = { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 };
const opts = { trigger: 'manual' as const, initialSince: '2025-01-01T00:00:00+08:00|', pageSize: 2 };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(): Promise<{ db: Database; dir: string; inbox: string; archive: string; job: Job }> {
  const db = await freshDb();
  const dir = mkdtempSync(join(tmpdir(), 'si-drop-'));
  cleanups.push(
    () => db.close(),
    () => rmSync(dir, { recursive: true, force: true }),
  );
  const inbox = join(dir, 'inbox');
  const archive = join(dir, 'archive');
  return { db, dir, inbox, archive, job: { name: 'report_files', feed: FEEDS.reports, source: new ReportFolderSource(inbox, archive) } };
}

async function writeXlsx(path: string, sheet: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  await book.xlsx.writeFile(path);
}

describe('report drop folder', () => {
  it('loads CSV and XLSX, a restated report replaces the old version, both versions stay queryable, a reload changes nothing', async () => {
    const { db, inbox, archive, job } = await setup();
    const collector = new Collector(db, NO_RETRY);
    // The first run creates the inbox; statisticians then drop the March report.
    await collector.run(job, opts);
    writeFileSync(
      join(inbox, 'report-2025-03.csv'),
      '\ufeffregion_code,period,version,submitted_at,insured_registered,insured_target\r\n' +
        '370102,2025-03,1,2025-04-10T09:00:00+08:00,1000,1250\r\n' +
        '370103,2025-03,1,2025-04-10T09:30:00+08:00,800,"1,000"\r\n',
    );
    const first = await collector.run(job, opts);
    // "1,000" is not a number: that record is rejected whole, the other lands.
    expect(first).toMatchObject({ status: 'ok', rows_in: 2, rows_written: 2, rows_rejected: 1 });
    expect(readdirSync(inbox)).toEqual([]);
    expect(readdirSync(archive)).toEqual(['report-2025-03.csv']);

    // 370102 resubmits March as version 2 in a workbook; the month typed as a date.
    await writeXlsx(join(inbox, 'restated.xlsx'), '月报', [
      ['地区代码', '报告期', '版本', '报送时间', 'insured_registered', 'insured_target'],
      [370102, new Date(Date.UTC(2025, 2, 1)), 2, '2025-05-06T15:00:00+08:00', 1100, 1250],
    ]);
    const second = await collector.run(job, opts);
    expect(second).toMatchObject({ status: 'ok', rows_in: 1, rows_written: 2, rows_rejected: 0 });

    const current = await db.rows(
      "SELECT region_code, metric, value, version FROM v_report_current WHERE period_month = DATE '2025-03-01' ORDER BY region_code, metric",
    );
    expect(current).toEqual([
      { region_code: '370102', metric: 'insured_registered', value: 1100, version: 2 },
      { region_code: '370102', metric: 'insured_target', value: 1250, version: 2 },
    ]);
    const app = await signedInApp(db);
    const res = await app.request('/api/reports/versions?region=370102&period=2025-03&metric=insured_registered');
    expect(res.status).toBe(200);
    const versions = (await res.json()).data.map((r: Record<string, unknown>) => [r.version, r.value, r.is_current, r.previous_value, r.submitted_at]);
    expect(versions).toEqual([
      [1, 1000, false, null, '2025-04-10 09:00:00'],
      [2, 1100, true, 1000, '2025-05-06 15:00:00'],
    ]);
    expect((await app.request('/api/reports/versions?period=2025-3')).status).toBe(400);

    // Re-loading the archived v1 file: nothing doubles, and the older version does not win.
    const before = await db.rows('SELECT count(*)::INT AS n FROM raw_report');
    copyFileSync(join(archive, 'report-2025-03.csv'), join(inbox, 'report-2025-03.csv'));
    const reload = await collector.run(job, opts);
    // Its bad row is quarantined already: not stored again, nor counted again in the run log.
    expect(reload).toMatchObject({ status: 'ok', rows_in: 2, rows_written: 2, rows_rejected: 0 });
    expect(await db.rows('SELECT count(*)::INT AS n FROM raw_report')).toEqual(before);
    expect(await db.rows('SELECT count(*)::INT AS n FROM ops_quarantine')).toEqual([{ n: 1 }]);
    expect(await db.rows("SELECT value FROM v_report_current WHERE region_code = '370102' AND metric = 'insured_registered'")).toEqual([{ value: 1100 }]);
    expect(readdirSync(archive)).toHaveLength(3); // both loads of the CSV are kept
  });

  it('reports a malformed workbook row by row and an unreadable file as a whole, loading the good rows', async () => {
    const { db, inbox, job } = await setup();
    const collector = new Collector(db, NO_RETRY);
    await collector.run(job, opts);
    await writeXlsx(join(inbox, 'bad.xlsx'), '月报', [
      ['region_code', 'period', 'version', 'employee_pension_insured', 'employee_pension_paying'],
      ['370102', '2025-04', 1, 1000, 900],
      ['379999', '2025-04', 1, 5, 4],
      ['370103', '2025-04', 1, 'abc', 4],
      [],
      ['370104', '2025-4', 1, 7, 6],
      ['370105', '2025-04', null, 9, 8],
      ['370112', '2025-04', 1, { formula: '1/0', result: { error: '#DIV/0!' } }, 3],
    ]);
    writeFileSync(join(inbox, 'broken.xlsx'), 'this is not a workbook');
    writeFileSync(join(inbox, 'notes.txt'), 'hello');

    const run = await collector.run(job, opts);
    expect(run).toMatchObject({ status: 'ok', rows_in: 6, rows_written: 2, rows_rejected: 7 });
    expect(await db.rows('SELECT region_code, metric, value FROM raw_report ORDER BY metric')).toEqual([
      { region_code: '370102', metric: 'employee_pension_insured', value: 1000 },
      { region_code: '370102', metric: 'employee_pension_paying', value: 900 },
    ]);
    const app = await signedInApp(db);
    const q = (await (await app.request('/api/quarantine?feed=report_files')).json()).data as { reason: string }[];
    expect(q.map((r) => r.reason).sort()).toEqual([
      'bad.xlsx sheet 月报 row 3: unknown region_code "379999"',
      'bad.xlsx sheet 月报 row 4: figure employee_pension_insured must be a whole number from 0 to 150000000 人: "abc"',
      'bad.xlsx sheet 月报 row 6: period must be a month \'YYYY-MM\': "2025-4"',
      'bad.xlsx sheet 月报 row 7: version must be an integer from 1 to 1000: undefined',
      'bad.xlsx sheet 月报 row 8: figure employee_pension_insured must be a whole number from 0 to 150000000 人: "#DIV/0!"',
      expect.stringMatching(/^broken\.xlsx is not a readable XLSX file: /),
      "notes.txt: unsupported file type '.txt'; save the report as .xlsx or .csv",
    ]);
    expect(readdirSync(inbox)).toEqual([]);
  });
});

const pgBin = postgresBinDir();
if (!pgBin) console.warn('SKIPPED: PostgreSQL source test — no PostgreSQL binaries (install Debian package `postgresql`; .ci/run does)');

describe.skipIf(!pgBin)('PostgreSQL source', () => {
  let server: Postgres;
  beforeAll(async () => {
    server = await startPostgres(pgBin!);
  });
  afterAll(() => server?.stop());

  it('loads rows since its watermark from a real server, paging through equal timestamps, quarantining bad rows', async () => {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    cleanups.push(() => client.end());
    await client.query(`CREATE TABLE service_case (case_id text PRIMARY KEY, region_code text, item text, channel text,
      accepted_at timestamptz, completed_at timestamptz, limit_days integer, updated_at timestamptz NOT NULL)`);
    const insert = (id: string, channel: string, accepted: string, completed: string | null, updated: string) =>
      client.query('INSERT INTO service_case VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [id, '370102', 'reg_enroll', channel, accepted, completed, 5, updated]);
    await insert('C1', 'web', '2025-03-03 09:00+08', '2025-03-03 11:30+08', '2025-03-03 11:30+08');
    await insert('C2', 'window', '2025-03-03 10:00+08', null, '2025-03-03 11:30+08'); // same time as C1: the id orders them
    await insert('C3', 'fax', '2025-03-03 10:30+08', null, '2025-03-03 12:00+08');
    await insert('C4', 'mobile', '2025-03-04 01:00Z', null, '2025-03-04 01:00Z');

    const db = await freshDb();
    cleanups.push(() => db.close());
    const job: Job = {
      name: 'agency_cases',
      feed: FEEDS.cases,
      source: new PostgresSource({
        connectionString: server.url,
        table: 'public.service_case',
        watermarkColumn: 'updated_at',
        idColumn: 'case_id',
        lookbackSeconds: 600,
      }),
    };
    const collector = new Collector(db, NO_RETRY);
    const first = await collector.run(job, opts);
    expect(first).toMatchObject({ status: 'ok', rows_in: 4, rows_written: 3, rows_rejected: 1 });
    expect(
      await db.rows('SELECT case_id, channel, accepted_at::VARCHAR AS accepted_at, completed_at::VARCHAR AS completed_at FROM raw_case ORDER BY case_id'),
    ).toEqual([
      { case_id: 'C1', channel: 'web', accepted_at: '2025-03-03 09:00:00', completed_at: '2025-03-03 11:30:00' },
      { case_id: 'C2', channel: 'window', accepted_at: '2025-03-03 10:00:00', completed_at: null },
      { case_id: 'C4', channel: 'mobile', accepted_at: '2025-03-04 09:00:00', completed_at: null },
    ]);
    expect(await db.rows('SELECT natural_key, reason FROM ops_quarantine')).toEqual([{ natural_key: 'C3', reason: 'unknown channel "fax"' }]);
    expect(await collector.watermark('agency_cases')).toBe('2025-03-04T09:00:00+08:00|C4');

    // C2 is completed in the agency's system, and C5 commits late, stamped 2 minutes before
    // the watermark: the next run reads what changed plus the 10-minute lookback (C4 again).
    await client.query("UPDATE service_case SET completed_at = '2025-03-05 16:00+08', updated_at = '2025-03-05 16:00+08' WHERE case_id = 'C2'");
    await insert('C5', 'web', '2025-03-04 08:58+08', null, '2025-03-04 08:58+08');
    expect(await collector.run(job, opts)).toMatchObject({ status: 'ok', rows_in: 3, rows_written: 3, rows_rejected: 0 });
    expect(await db.rows('SELECT case_id, completed_at::VARCHAR AS done FROM raw_case ORDER BY case_id')).toEqual([
      { case_id: 'C1', done: '2025-03-03 11:30:00' },
      { case_id: 'C2', done: '2025-03-05 16:00:00' },
      { case_id: 'C4', done: null },
      { case_id: 'C5', done: null },
    ]);
    expect(await db.rows('SELECT sum(accepted)::INT AS accepted, sum(completed)::INT AS completed FROM agg_case_day')).toEqual([{ accepted: 4, completed: 2 }]);
    expect(await collector.watermark('agency_cases')).toBe('2025-03-05T16:00:00+08:00|C2');

    // Nothing new: the lookback re-reads C2 and the watermark stays put, never moving back.
    expect(await collector.run(job, opts)).toMatchObject({ status: 'ok', rows_in: 1 });
    await client.query("DELETE FROM service_case WHERE case_id = 'C2'");
    expect(await collector.run(job, opts)).toMatchObject({ status: 'ok', rows_in: 0 });
    expect(await collector.watermark('agency_cases')).toBe('2025-03-05T16:00:00+08:00|C2');
  });
});
