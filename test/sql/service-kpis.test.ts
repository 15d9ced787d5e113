// The service KPIs GOV.UK makes mandatory, beside Appendix A (单笔业务经办成本 and 业务办结率
// here), on hand-made rows: cases written straight into raw_case (aggregates rebuilt by
// ingest/feeds/cases.rebuild.sql) and report rows into raw_report, the marts refreshed.
//
// 单笔业务经办成本: 历下区 (A) ends 3 cases in April 2025 at running costs of 1.5 万元, 市中区 (B)
// 2 cases at 0.9 万元, so A costs 15 000 / 3 = 5 000 元 a case, B 9 000 / 2 = 4 500, and 济南市
// (15 000 + 9 000) / (3 + 2) = 4 800 — not the mean of the two (4 750). Every ended case counts,
// whatever its outcome (A3 was withdrawn, B2 rejected: they were handled too).
//
// 业务办结率: of A's 3 cases ended in April, A1 and A2 ended 办结 (completed), A3 撤回
// (withdrawn): 2 / 3 = 66.6667 %; of B's 2, B1 办结, B2 不予受理 (rejected): 1 / 2 = 50 %. 济南市:
// (2 + 1) / (3 + 2) = 3 / 5 = 60 % — the ratio of the sums, not the mean of the two rates
// ((66.6667 + 50) / 2 = 58.3333). A4, still open, counts in neither part. A5 ended in March
// stored without an outcome (a row from before outcomes were collected): it counts as 办结, so A's
// March is 1 / 1 = 100 %.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpDatabase } from '../../app/setup.js';
import { ROOT } from '../../core/paths.js';
import { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { difference, freshDb } from '../support/db.js';
import { shownValue } from '../support/metric-value.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const CITY = '370100';

// [case id, region, accepted, ended (null: still open), outcome (null: open, or stored without one)]
const CASES: [string, string, string, string | null, string | null][] = [
  ['A1', A, '2025-04-01 09:00:00', '2025-04-02 10:00:00', 'completed'],
  ['A2', A, '2025-04-07 09:00:00', '2025-04-08 10:00:00', 'completed'],
  ['A3', A, '2025-04-14 09:00:00', '2025-04-15 10:00:00', 'withdrawn'],
  ['A4', A, '2025-04-28 09:00:00', null, null], // open: no completion, no cost share
  ['A5', A, '2025-03-28 09:00:00', '2025-03-31 10:00:00', null], // ended in March, stored without an outcome
  ['B1', B, '2025-04-03 09:00:00', '2025-04-03 16:00:00', 'completed'],
  ['B2', B, '2025-04-09 09:00:00', '2025-04-10 16:00:00', 'rejected'],
];

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, region, accepted, completed, outcome] of CASES) {
      await c.run(
        "INSERT INTO raw_case VALUES ($1, $2, 'reg_enroll', 'window', CAST($3 AS TIMESTAMP), CAST($4 AS TIMESTAMP), 5, CAST($3 AS TIMESTAMP), 0, $5)",
        [id, region, accepted, completed, outcome],
      );
    }
    await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
    for (const [region, cost] of [
      [A, 1.5],
      [B, 0.9],
    ] as const) {
      await c.run("INSERT INTO raw_report VALUES ($1, DATE '2025-04-01', 'running_cost', $2, 1, TIMESTAMP '2025-05-10 10:00:00', 0)", [region, cost]);
    }
    await markAllStale(c);
  });
  await db.setClock('2025-07-20 12:00:00');
  await refreshMarts(db);
});
afterAll(() => db?.close());

describe('单笔业务经办成本 (cost_per_transaction): running costs over completed cases', () => {
  it('divides a county’s running costs in 元 by the cases that ended in the month, whatever their outcome', async () => {
    expect(await shownValue(db, 'cost_per_transaction', A, 'month', '2025-04')).toBe('15000/3 = 5000');
    expect(await shownValue(db, 'cost_per_transaction', B, 'month', '2025-04')).toBe('9000/2 = 4500');
  });

  it('sums costs and cases from the counties for the city', async () => {
    expect(await shownValue(db, 'cost_per_transaction', CITY, 'month', '2025-04')).toBe('24000/5 = 4800');
  });

  it('has no value for a month without the report, even with completed cases', async () => {
    // 历下区 completed A5 in March, but reported no running costs for March.
    expect(await shownValue(db, 'cost_per_transaction', A, 'month', '2025-03')).toBeNull();
  });
});

describe('业务办结率 (completion_rate): cases ended 办结 over all that ended', () => {
  it('counts withdrawn and rejected cases in the denominator only', async () => {
    expect(await shownValue(db, 'completion_rate', A, 'month', '2025-04')).toBe('2/3 = 66.6667');
    expect(await shownValue(db, 'completion_rate', B, 'month', '2025-04')).toBe('1/2 = 50');
  });

  it('sums both parts from the counties for the city: the ratio of the sums, not the mean of the rates', async () => {
    expect(await shownValue(db, 'completion_rate', CITY, 'month', '2025-04')).toBe('3/5 = 60');
    expect(await shownValue(db, 'completion_rate', CITY, 'quarter', '2025-Q2')).toBe('3/5 = 60');
  });

  it('takes a case stored without an outcome as completed', async () => {
    expect(await shownValue(db, 'completion_rate', A, 'month', '2025-03')).toBe('1/1 = 100');
    // The first quarter holds A5 alone (A's April cases are in the second).
    expect(await shownValue(db, 'completion_rate', A, 'quarter', '2025-Q1')).toBe('1/1 = 100');
  });

  it('is in the metric catalogue as a cases metric with its definition', async () => {
    const [m] = await db.rows<Record<string, unknown>>(
      "SELECT name, unit, feed, higher_is_better, appendix_code FROM dim_metric WHERE code = 'completion_rate'",
    );
    expect(m).toEqual({ name: '业务办结率', unit: '%', feed: 'cases', higher_is_better: true, appendix_code: null });
  });
});

describe('a database made before case outcomes', () => {
  it('gets the column and counts its ended cases once, as completed', async () => {
    const old = await Database.open(':memory:', { readers: 1 });
    try {
      // raw_case as it was (no outcome): two cases of 历下区 ended in April 2025, one open.
      await old.exec(`CREATE TABLE raw_case (case_id VARCHAR NOT NULL, region_code VARCHAR NOT NULL, item VARCHAR NOT NULL,
        channel VARCHAR NOT NULL, accepted_at TIMESTAMP NOT NULL, completed_at TIMESTAMP, limit_days INTEGER NOT NULL,
        source_updated_at TIMESTAMP NOT NULL, run_id BIGINT NOT NULL)`);
      await old.exec(`INSERT INTO raw_case VALUES
        ('L1', '${A}', 'reg_enroll', 'web', TIMESTAMP '2025-04-01 09:00:00', TIMESTAMP '2025-04-02 09:00:00', 5, TIMESTAMP '2025-04-02 09:00:00', 1),
        ('L2', '${A}', 'reg_enroll', 'web', TIMESTAMP '2025-04-03 09:00:00', TIMESTAMP '2025-04-03 11:00:00', 5, TIMESTAMP '2025-04-03 11:00:00', 1),
        ('L3', '${A}', 'reg_enroll', 'web', TIMESTAMP '2025-04-28 09:00:00', NULL, 5, TIMESTAMP '2025-04-28 09:00:00', 1)`);
      await setUpDatabase(old);
      const counted = [{ region_code: A, day: '2025-04-01', outcome: 'completed', cases: 2 }];
      const stored = 'SELECT region_code, day, outcome, cases FROM agg_case_outcome_month';
      expect(await old.rows(stored)).toEqual(counted);
      expect(await old.rows('SELECT case_id, outcome FROM raw_case ORDER BY case_id')).toEqual([
        { case_id: 'L1', outcome: null },
        { case_id: 'L2', outcome: null },
        { case_id: 'L3', outcome: null },
      ]);
      expect(await difference(old, 'agg_case_outcome_month', "case_outcome_measures('v_case')")).toBe(0);
      // The next start finds them counted and adds nothing.
      await setUpDatabase(old);
      expect(await old.rows(stored)).toEqual(counted);
    } finally {
      old.close();
    }
  });
});
