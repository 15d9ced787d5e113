// Collector guarantees: re-running a window changes nothing; bad rows go to quarantine
// with a reason while the good rows of the same page land; runs ending together share a refresh.
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { Database } from '../../warehouse/database.js';
import { createSimulatorApp } from '../../demo/simulator/app.js';
import { FEEDS } from '../../ingest/feeds/index.js';
import { Collector } from '../../ingest/runner.js';
import type { Source } from '../../ingest/source.js';
import { collectAll } from '../support/collect.js';
import { freshDb } from '../support/db.js';
import { type FeedServer, GOOD_CASE, type Records, startFeedServer } from '../support/feed-server.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function counts(db: Database) {
  const [row] = await db.rows<Record<string, number>>(`
    SELECT (SELECT count(*) FROM raw_case) AS cases, (SELECT count(*) FROM raw_report) AS reports,
           (SELECT count(*) FROM raw_upload) AS uploads, (SELECT count(*) FROM raw_rating) AS ratings,
           (SELECT count(*) FROM raw_complaint) AS complaints,
           (SELECT count(*) FROM ops_quarantine) AS quarantined,
           (SELECT sum(accepted) + sum(due) + sum(due_on_time) + sum(completed) FROM agg_case_day) AS agg_day,
           (SELECT sum(cases) FROM agg_case_duration_month) AS agg_duration`);
  return row;
}

const metricSnapshot = (db: Database) => db.rows('SELECT * FROM mart_metric_value ORDER BY region_code, period_type, period, metric');

/** The simulator with its clock pinned (a fixed two-month history) and a fresh database, both closed after the test. */
async function pinnedSimulator(): Promise<{ url: string; db: Database }> {
  const now = Date.parse('2025-03-01T00:00:00+08:00');
  const server = serve({ fetch: createSimulatorApp({ seed: 'rerun', casesPerDay: 1, now: () => now }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  cleanups.push(() => new Promise((r) => server.close(r)));
  const db = await freshDb();
  cleanups.push(() => db.close());
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, db };
}

/** A feed server with `records` as its cases and a fresh database, both closed after the test. */
async function casesServed(records: Records[string]): Promise<{ source: FeedServer; db: Database }> {
  const source = await startFeedServer({ cases: records });
  cleanups.push(() => source.close());
  const db = await freshDb();
  cleanups.push(() => db.close());
  return { source, db };
}

describe('collector re-run over the same window', () => {
  // Two collections of two months of the simulator: about 30 s on an idle 2-core machine, twice that loaded.
  it('leaves raw rows, aggregates and indicator values unchanged', async () => {
    const { url, db } = await pinnedSimulator();

    const opts = { since: '2025-01-01T00:00:00+08:00|', pageSize: 3000 };
    const first = await collectAll(db, url, ['cases', 'reports', 'uploads'], opts);
    expect(first.every((r) => r.status === 'ok')).toBe(true);
    const before = await counts(db);
    const metricsBefore = await metricSnapshot(db);
    expect(before.cases).toBeGreaterThan(1000);
    expect(before.uploads).toBeGreaterThan(0);
    expect(before.reports).toBeGreaterThan(0);

    // Forget the watermarks: the next run reads the whole window again.
    await db.exec('DELETE FROM ops_watermark');
    const second = await collectAll(db, url, ['cases', 'reports', 'uploads'], opts);
    expect(second.map((r) => r.rows_in)).toEqual(first.map((r) => r.rows_in));
    expect(await counts(db)).toEqual(before);
    expect(await metricSnapshot(db)).toEqual(metricsBefore);
  }, 180_000);

  it('leaves the 好差评 and 投诉 feeds unchanged (records sent again as they change)', async () => {
    const { url, db } = await pinnedSimulator();
    const opts = { since: '2025-01-01T00:00:00+08:00|', pageSize: 3000 };
    const feeds = ['ratings', 'complaints'];
    const first = await collectAll(db, url, feeds, opts);
    expect(first.map((r) => r.status)).toEqual(['ok', 'ok']);
    const before = await counts(db);
    const metricsBefore = await metricSnapshot(db);
    expect(before.ratings).toBeGreaterThan(0);
    expect(before.complaints).toBeGreaterThan(0);
    // A complaint or 差评 sent several times is one row: fewer rows than records read.
    expect(before.ratings + before.complaints).toBeLessThan(first[0].rows_in + first[1].rows_in);

    await db.exec('DELETE FROM ops_watermark');
    const second = await collectAll(db, url, feeds, opts);
    expect(second.map((r) => r.rows_in)).toEqual(first.map((r) => r.rows_in));
    expect(await counts(db)).toEqual(before);
    expect(await metricSnapshot(db)).toEqual(metricsBefore);
  });

  it('keeps aggregates exact when a case arrives open and later completed', async () => {
    const open = {
      id: 'X1',
      updated_at: '2025-03-03T09:00:00+08:00',
      case_id: 'X1',
      region_code: '370102',
      item: 'reg_enroll',
      channel: 'web',
      accepted_at: '2025-03-03T09:00:00+08:00',
      completed_at: null,
      limit_days: 5,
    };
    const source = await startFeedServer({ cases: [open] });
    cleanups.push(() => source.close());
    const db = await freshDb();
    cleanups.push(() => db.close());
    await collectAll(db, source.url, ['cases']);
    source.set('cases', [{ ...open, updated_at: '2025-03-04T10:00:00+08:00', completed_at: '2025-03-04T10:00:00+08:00' }]);
    await collectAll(db, source.url, ['cases']);
    const agg = await db.rows('SELECT day, accepted, due, due_on_time, completed FROM agg_case_day ORDER BY day');
    // Accepted 03-03, due 03-10 (5th working day) and on time, completed 03-04: counted once each.
    expect(agg).toEqual([
      { day: '2025-03-03', accepted: 1, due: 0, due_on_time: 0, completed: 0 },
      { day: '2025-03-04', accepted: 0, due: 0, due_on_time: 0, completed: 1 },
      { day: '2025-03-10', accepted: 0, due: 1, due_on_time: 1, completed: 0 },
    ]);
    expect(await db.rows('SELECT count(*)::INT AS n FROM raw_case')).toEqual([{ n: 1 }]);
  });
});

describe('quarantine', () => {
  it('rejects malformed rows with their reasons while the good rows land', async () => {
    const good = GOOD_CASE;
    const records = [
      good,
      { ...good, id: 'G2', case_id: 'G2' },
      { ...good, id: 'BAD1', case_id: 'BAD1', region_code: '379999' },
      { ...good, id: 'BAD2', case_id: 'BAD2', completed_at: '2025-03-03T08:00:00+08:00', updated_at: '2025-03-03T10:00:01+08:00' },
      { ...good, id: 'BAD3', case_id: 'BAD3', accepted_at: '2025-13-45 25:61', updated_at: '2025-03-03T10:00:02+08:00' },
      { ...good, id: 'BAD4', case_id: 'BAD4', channel: 'fax', updated_at: '2025-03-03T10:00:03+08:00' },
    ];
    // The platform sends BAD1 twice (the same payload): refused twice, quarantined and counted once.
    records.push({ ...records[2] });
    const { source, db } = await casesServed(records);

    const [run] = await collectAll(db, source.url, ['cases']);
    expect(run).toMatchObject({ status: 'ok', rows_in: 7, rows_written: 2, rows_rejected: 4 });
    expect(await db.rows('SELECT case_id FROM raw_case ORDER BY case_id')).toEqual([{ case_id: 'G1' }, { case_id: 'G2' }]);
    const q = await db.rows<{ natural_key: string; reason: string; payload: string }>(
      'SELECT natural_key, reason, payload FROM ops_quarantine ORDER BY natural_key',
    );
    expect(q.map((r) => r.natural_key)).toEqual(['BAD1', 'BAD2', 'BAD3', 'BAD4']);
    expect(q[0].reason).toBe('unknown region_code "379999"');
    expect(q[1].reason).toBe('completed_at 2025-03-03 08:00:00 is before accepted_at 2025-03-03 09:00:00');
    expect(q[2].reason).toMatch(/^accepted_at is not a valid time/);
    expect(q[3].reason).toBe('unknown channel "fax"');
    expect(JSON.parse(q[0].payload).region_code).toBe('379999');

    // The run log counts what it quarantined; a re-run does not quarantine (nor count) twice,
    // so the runs' rejected counts add up to what the quarantine holds.
    await db.exec('DELETE FROM ops_watermark');
    await collectAll(db, source.url, ['cases']);
    expect(await db.rows('SELECT count(*)::INT AS n FROM ops_quarantine')).toEqual([{ n: 4 }]);
    const runs = await db.rows('SELECT status, rows_in, rows_written, rows_rejected FROM ops_run ORDER BY run_id');
    expect(runs).toEqual([
      { status: 'ok', rows_in: 7, rows_written: 2, rows_rejected: 4 },
      { status: 'ok', rows_in: 7, rows_written: 2, rows_rejected: 0 },
    ]);
    expect(await db.rows('SELECT (SELECT sum(rows_rejected) FROM ops_run)::INT AS logged, (SELECT count(*) FROM ops_quarantine)::INT AS held')).toEqual([
      { logged: 4, held: 4 },
    ]);
  });

  it('quarantines an outcome on an open case and an unknown outcome with their reasons, once', async () => {
    // 历下区, March 2025: G1 sent without an outcome (ended: 办结), W1 撤回, R1 不予受理/退回, O1
    // still open; BADO1 open but marked withdrawn, BADO2 with an outcome the feed does not know.
    const at = (s: number) => `2025-03-03T10:00:0${s}+08:00`;
    const records = [
      GOOD_CASE,
      { ...GOOD_CASE, id: 'W1', case_id: 'W1', outcome: 'withdrawn', updated_at: at(1) },
      { ...GOOD_CASE, id: 'R1', case_id: 'R1', outcome: 'rejected', updated_at: at(2) },
      { ...GOOD_CASE, id: 'O1', case_id: 'O1', completed_at: null, outcome: null, updated_at: at(3) },
      { ...GOOD_CASE, id: 'BADO1', case_id: 'BADO1', completed_at: null, outcome: 'withdrawn', updated_at: at(4) },
      { ...GOOD_CASE, id: 'BADO2', case_id: 'BADO2', outcome: '作废', updated_at: at(5) },
    ];
    const { source, db } = await casesServed(records);

    const [run] = await collectAll(db, source.url, ['cases']);
    expect(run).toMatchObject({ status: 'ok', rows_in: 6, rows_written: 4, rows_rejected: 2 });
    expect(await db.rows('SELECT case_id, outcome FROM raw_case ORDER BY case_id')).toEqual([
      { case_id: 'G1', outcome: 'completed' },
      { case_id: 'O1', outcome: null },
      { case_id: 'R1', outcome: 'rejected' },
      { case_id: 'W1', outcome: 'withdrawn' },
    ]);
    expect(await db.rows('SELECT natural_key, reason FROM ops_quarantine ORDER BY natural_key')).toEqual([
      { natural_key: 'BADO1', reason: '未办结的事项不应有办理结果：outcome 为 withdrawn，completed_at 为空' },
      { natural_key: 'BADO2', reason: 'outcome 办理结果未知："作废"（应为 completed 办结、withdrawn 撤回或 rejected 不予受理/退回）' },
    ]);
    const outcomes = 'SELECT region_code, day, outcome, cases FROM agg_case_outcome_month ORDER BY outcome';
    const counted = [
      { region_code: '370102', day: '2025-03-01', outcome: 'completed', cases: 1 },
      { region_code: '370102', day: '2025-03-01', outcome: 'rejected', cases: 1 },
      { region_code: '370102', day: '2025-03-01', outcome: 'withdrawn', cases: 1 },
    ];
    expect(await db.rows(outcomes)).toEqual(counted);
    // 业务办结率: 1 办结 of the 3 ended (O1, open, in neither part), for the county and its city.
    const rate =
      "SELECT region_code, numerator, denominator FROM mart_metric_value WHERE metric = 'completion_rate' AND period_type = 'month' AND period = '2025-03' ORDER BY region_code";
    const rates = [
      { region_code: '370000', numerator: 1, denominator: 3 },
      { region_code: '370100', numerator: 1, denominator: 3 },
      { region_code: '370102', numerator: 1, denominator: 3 },
    ];
    expect(await db.rows(rate)).toEqual(rates);

    // Again over the same window: nothing quarantined or counted twice, the aggregates as they were.
    await db.exec('DELETE FROM ops_watermark');
    await collectAll(db, source.url, ['cases']);
    expect(await db.rows('SELECT rows_in, rows_written, rows_rejected FROM ops_run ORDER BY run_id')).toEqual([
      { rows_in: 6, rows_written: 4, rows_rejected: 2 },
      { rows_in: 6, rows_written: 4, rows_rejected: 0 },
    ]);
    expect(await db.rows('SELECT count(*)::INT AS n FROM ops_quarantine')).toEqual([{ n: 2 }]);
    expect(await db.rows(outcomes)).toEqual(counted);
    expect(await db.rows(rate)).toEqual(rates);

    // W1 restated as completed: it moves between outcomes, the rate to 2 of 3.
    source.set('cases', [{ ...records[1], outcome: 'completed', updated_at: '2025-03-05T10:00:00+08:00' }]);
    await collectAll(db, source.url, ['cases']);
    expect(await db.rows(outcomes)).toEqual([
      { region_code: '370102', day: '2025-03-01', outcome: 'completed', cases: 2 },
      { region_code: '370102', day: '2025-03-01', outcome: 'rejected', cases: 1 },
    ]);
    expect((await db.rows(rate)).at(-1)).toEqual({ region_code: '370102', numerator: 2, denominator: 3 });
  });

  it('records a failed run with the source error and keeps the watermark', async () => {
    const db = await freshDb();
    cleanups.push(() => db.close());
    const [run] = await collectAll(db, 'http://127.0.0.1:9', ['cases']);
    expect(run.status).toBe('failed');
    expect(run.error).toMatch(/unreachable/);
    expect(await db.rows('SELECT status FROM ops_run')).toEqual([{ status: 'failed' }]);
    expect(await db.rows('SELECT * FROM ops_watermark')).toEqual([]);
  });
});

describe('history coverage', () => {
  it('does not judge periods the feed has not fully seen', async () => {
    // Collection starts 2025-01-01. X1 was accepted in December and completed in January, so
    // it arrives; December's other cases (completed in December) never do. December is not
    // judged; January's completions are; deadlines are judged only from 2025-02-06, the 20th
    // working day after 01-01 (the longest statutory limit), by when every case due was
    // accepted inside the collected history.
    const x = {
      id: 'X1',
      updated_at: '2025-01-06T10:00:00+08:00',
      case_id: 'X1',
      region_code: '370102',
      item: 'pension_claim',
      channel: 'window',
      accepted_at: '2024-12-20T09:00:00+08:00',
      completed_at: '2025-01-06T10:00:00+08:00',
      limit_days: 20,
    };
    const y = {
      ...x,
      id: 'Y1',
      case_id: 'Y1',
      updated_at: '2025-02-10T10:00:00+08:00',
      accepted_at: '2025-02-10T09:00:00+08:00',
      completed_at: '2025-02-10T10:00:00+08:00',
      item: 'reg_enroll',
      limit_days: 5,
    };
    const source = await startFeedServer({ cases: [x, y] });
    cleanups.push(() => source.close());
    const db = await freshDb();
    cleanups.push(() => db.close());
    await collectAll(db, source.url, ['cases'], { since: '2025-01-01T00:00:00+08:00|' });
    const rows = await db.rows(
      `SELECT period, metric, numerator, denominator FROM mart_metric_value
       WHERE region_code = '370102' AND period_type = 'month' AND metric IN ('online_rate', 'on_time_rate', 'handling_days_mean')
       ORDER BY period, metric`,
    );
    expect(rows).toEqual([
      // X1: Fri 2024-12-20 → Mon 2025-01-06 is 10 working days (12-23…27, 30, 31, 01-02, 03, 06; 01-01 a holiday).
      { period: '2025-01', metric: 'handling_days_mean', numerator: 10, denominator: 1 },
      { period: '2025-02', metric: 'handling_days_mean', numerator: 0, denominator: 1 },
      // Y1 is due 2025-02-17, inside the judged range.
      { period: '2025-02', metric: 'on_time_rate', numerator: 1, denominator: 1 },
      { period: '2025-02', metric: 'online_rate', numerator: 0, denominator: 1 },
    ]);
  });
});

describe('runs ending together', () => {
  /** A source serving `records` as one page, once `open` resolves. */
  const gatedSource = (label: string, records: Record<string, unknown>[], open: Promise<void>): Source => ({
    kind: 'cursor',
    label,
    page: async (since) => {
      await open;
      return { items: since === '0' ? records : [], next: '1', has_more: false };
    },
  });
  const accepted = (db: Database) =>
    db.rows("SELECT sum(accepted)::INT AS n FROM mart_case_period WHERE region_code = '370102' AND period_type = 'month' AND period = '2025-03'");

  it('share one refresh: a run ending while another writes leaves its refresh to the last', async () => {
    const db = await freshDb();
    cleanups.push(() => db.close());
    const collector = new Collector(db, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
    const changed: unknown[] = [];
    collector.on('data-changed', (e) => changed.push(e));
    let release = () => {};
    const later = new Promise<void>((resolve) => (release = resolve));
    // Two platforms' case feeds: the first answers at once, the second when released.
    const second = { ...GOOD_CASE, id: 'G2', case_id: 'G2', updated_at: '2025-03-04T10:00:00+08:00' };
    const job = (name: string, records: Record<string, unknown>[], open: Promise<void>) => ({
      name,
      feed: FEEDS.cases,
      source: gatedSource(name, records, open),
    });
    const opts = { trigger: 'manual' as const, initialSince: '0', pageSize: 100 };
    const first = collector.run(job('cases', [GOOD_CASE], Promise.resolve()), opts);
    const other = collector.run(job('cases-b', [second], later), opts);
    // The first run's case is in; its refresh waits for the run still writing.
    await expect.poll(async () => (await db.rows("SELECT status FROM ops_run WHERE feed = 'cases'"))[0]?.status).toBe('ok');
    expect(changed).toEqual([]);
    expect(await accepted(db)).toEqual([{ n: null }]);
    release();
    const runs = await Promise.all([first, other]);
    expect(runs.map((r) => [r.feed, r.status, r.rows_written])).toEqual([
      ['cases', 'ok', 1],
      ['cases-b', 'ok', 1],
    ]);
    // One refresh, told of both runs, brought in both cases.
    expect(changed).toEqual([
      {
        runs: [
          { feed: 'cases', run_id: runs[0].run_id },
          { feed: 'cases-b', run_id: runs[1].run_id },
        ],
      },
    ]);
    expect(await accepted(db)).toEqual([{ n: 2 }]);
  });

  it('fail the run, not the process, when a listener of the refresh throws', async () => {
    const db = await freshDb();
    cleanups.push(() => db.close());
    const collector = new Collector(db, { attempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
    collector.on('data-changed', () => {
      throw new Error('listener broke');
    });
    const run = await collector.run(
      { name: 'cases', feed: FEEDS.cases, source: gatedSource('cases', [GOOD_CASE], Promise.resolve()) },
      { trigger: 'manual', initialSince: '0', pageSize: 100 },
    );
    expect(run).toMatchObject({ status: 'failed', error: 'listener broke', rows_written: 1 });
    expect(await db.rows('SELECT status, error FROM ops_run')).toEqual([{ status: 'failed', error: 'listener broke' }]);
  });
});
