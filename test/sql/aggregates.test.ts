// The collectors keep agg_case_day, agg_case_duration_month and agg_case_outcome_month exact
// batch by batch; a full recompute from raw_case must give the same rows, whatever order the
// versions of a case arrive in (open, completed, restated with another outcome) and however
// often a batch is applied again.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableCollector, createRecordTable, queueRecords } from '../../bench/table-source.js';
import type { Database } from '../../warehouse/database.js';
import { runScript } from '../../warehouse/pipeline.js';
import { ROOT } from '../../core/paths.js';
import { difference as differenceOf, freshDb } from '../support/db.js';

const CASES = 20_000;
let db: Database;

const difference = (a: string, b: string) => differenceOf(db, a, b);

async function collectCases(): Promise<void> {
  const run = await new TableCollector(db).run('cases', { trigger: 'manual', pageSize: 1500 });
  expect(run.status, run.error).toBe('ok');
}

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    await runScript(c, readFileSync(`${ROOT}/bench/generate.sql`, 'utf8'));
    // 20,000 cases accepted over January and February 2025, served as of 20 March: each
    // arrives open, then completed in a later batch; 1% are restated a day after completion.
    await createRecordTable(c, 'feed_record');
    await queueRecords(
      c,
      'feed_record',
      `SELECT 'cases' AS feed, *
      FROM gen_case_records(0, ${CASES}, DATE '2025-01-01', 59, TIMESTAMP '2025-01-01', TIMESTAMP '2025-03-20', 0, ${CASES})`,
    );
  });
  await collectCases();
});
afterAll(() => db?.close());

describe('incremental case aggregates', () => {
  it('took every case through open, completed and restated versions', async () => {
    const [row] = await db.rows<Record<string, number>>(`
      SELECT (SELECT count(*) FROM raw_case) AS cases, (SELECT count(DISTINCT case_id) FROM raw_case) AS ids,
             (SELECT sum(accepted) FROM agg_case_day) AS accepted,
             (SELECT count(*) FROM feed_record) AS records,
             (SELECT count(*) FROM raw_case WHERE completed_at IS NOT NULL) AS completed,
             (SELECT sum(completed) FROM agg_case_day) AS agg_completed`);
    expect(row.cases).toBe(CASES);
    expect(row.ids).toBe(CASES);
    expect(row.accepted).toBe(CASES);
    // Records = one open version per case + one per completion + restatements (about 1%).
    expect(row.records - CASES - row.completed).toBeGreaterThan(100);
    expect(row.agg_completed).toBe(row.completed);
    // Every ended case has one outcome: 3% withdrawn, 2% rejected, the rest completed, and the
    // restated (about 1%) moved to another (bench/generate.sql).
    const outcomes = await db.rows<{ outcome: string; cases: number }>(
      'SELECT outcome, sum(cases)::INT AS cases FROM agg_case_outcome_month GROUP BY ALL ORDER BY outcome',
    );
    expect(outcomes.map((o) => o.outcome)).toEqual(['completed', 'rejected', 'withdrawn']);
    expect(outcomes.reduce((s, o) => s + o.cases, 0)).toBe(row.completed);
    expect(outcomes.find((o) => o.outcome === 'withdrawn')!.cases).toBeGreaterThan(row.completed * 0.03);
  });

  it('equal a full recompute from raw_case, with the older months folded', async () => {
    // January's days are folded into 2025-01-01 (data runs into March); the rest stay daily.
    const [days] = await db.rows<{ folded: number; daily: number }>(`SELECT
      count(DISTINCT day) FILTER (WHERE day < DATE '2025-02-01') AS folded,
      count(DISTINCT day) FILTER (WHERE day >= DATE '2025-02-01') AS daily FROM agg_case_day`);
    expect(days.folded).toBe(1);
    expect(days.daily).toBeGreaterThan(28);
    expect(await difference('agg_case_day', "case_day_measures_folded('v_case', case_day_fold_before())")).toBe(0);
    expect(await difference('agg_case_duration_month', "case_duration_measures('v_case')")).toBe(0);
    expect(await difference('agg_case_outcome_month', "case_outcome_measures('v_case')")).toBe(0);
  });

  it('stay equal when every batch is applied again', async () => {
    const before = await db.rows('SELECT * FROM agg_case_day ORDER BY ALL');
    const outcomesBefore = await db.rows('SELECT * FROM agg_case_outcome_month ORDER BY ALL');
    await db.exec('DELETE FROM ops_watermark');
    await collectCases();
    expect(await db.rows('SELECT * FROM agg_case_day ORDER BY ALL')).toEqual(before);
    expect(await db.rows('SELECT * FROM agg_case_outcome_month ORDER BY ALL')).toEqual(outcomesBefore);
    expect(await difference('agg_case_day', "case_day_measures_folded('v_case', case_day_fold_before())")).toBe(0);
    expect(await difference('agg_case_duration_month', "case_duration_measures('v_case')")).toBe(0);
    expect(await difference('agg_case_outcome_month', "case_outcome_measures('v_case')")).toBe(0);
  });
});

describe('a page holding several versions of a case', () => {
  let one: Database;
  afterAll(() => one?.close());

  it('keeps the latest by source update time, whatever their order in the page', async () => {
    one = await freshDb();
    const [codes] = await one.rows<{ county: string; item: string; channel: string }>(`SELECT
      (SELECT min(code) FROM dim_region WHERE level = 'county') AS county,
      (SELECT min(code) FROM dim_service_item) AS item, (SELECT min(code) FROM dim_channel) AS channel`);
    const record = (id: string, updated: string, end: { at: string; outcome: string } | null) =>
      JSON.stringify({
        case_id: id,
        region_code: codes.county,
        item: codes.item,
        channel: codes.channel,
        limit_days: 5,
        accepted_at: '2025-03-03T09:00:00+08:00',
        updated_at: updated,
        completed_at: end?.at ?? null,
        ...(end ? { outcome: end.outcome } : {}),
      });
    // P1 restated as withdrawn (latest), completed, then open: newest first in the page.
    const page = [
      record('P1', '2025-03-05T08:00:00+08:00', { at: '2025-03-04T10:00:00+08:00', outcome: 'withdrawn' }),
      record('P1', '2025-03-04T10:00:00+08:00', { at: '2025-03-04T10:00:00+08:00', outcome: 'completed' }),
      record('P1', '2025-03-03T09:00:00+08:00', null),
      record('P2', '2025-03-03T09:30:00+08:00', null),
    ];
    await one.exclusive(async (c) => {
      await createRecordTable(c, 'feed_record');
      for (const r of page) await c.run("INSERT INTO feed_record VALUES ('cases', $r)", { r });
    });
    const run = await new TableCollector(one).run('cases', { trigger: 'manual', pageSize: 100 });
    expect(run.status, run.error).toBe('ok');
    expect(await one.rows('SELECT reason FROM ops_quarantine')).toEqual([]);
    expect(run.rows_written).toBe(4);
    expect(await one.rows('SELECT case_id, CAST(completed_at AS VARCHAR) AS completed_at, outcome FROM raw_case ORDER BY case_id')).toEqual([
      { case_id: 'P1', completed_at: '2025-03-04 10:00:00', outcome: 'withdrawn' },
      { case_id: 'P2', completed_at: null, outcome: null },
    ]);
    const [agg] = await one.rows<{ accepted: number; completed: number; withdrawn: number }>(`SELECT
      (SELECT sum(accepted)::INT FROM agg_case_day) AS accepted, (SELECT sum(completed)::INT FROM agg_case_day) AS completed,
      (SELECT sum(cases)::INT FROM agg_case_outcome_month WHERE outcome = 'withdrawn') AS withdrawn`);
    expect(agg).toEqual({ accepted: 2, completed: 1, withdrawn: 1 });
    expect(await differenceOf(one, 'agg_case_day', "case_day_measures_folded('v_case', case_day_fold_before())")).toBe(0);
  });
});
