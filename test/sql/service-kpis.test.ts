// The service KPIs GOV.UK makes mandatory, beside Appendix A (单笔业务经办成本 here), on
// hand-made rows: cases written straight into raw_case (aggregates rebuilt by
// ingest/feeds/cases.rebuild.sql) and report rows into raw_report, the marts refreshed.
// 历下区 (A) completes 3 cases in April 2025 at running costs of 1.5 万元, 市中区 (B) 2 cases at
// 0.9 万元, so A costs 15 000 / 3 = 5 000 元 a case, B 9 000 / 2 = 4 500, and 济南市
// (15 000 + 9 000) / (3 + 2) = 4 800 — not the mean of the two (4 750).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../core/paths.js';
import type { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { freshDb } from '../support/db.js';
import { shownValue } from '../support/metric-value.js';

const A = '370102'; // 历下区, 济南市
const B = '370103'; // 市中区, 济南市
const CITY = '370100';

// [case id, region, accepted, completed (null: still open)]
const CASES: [string, string, string, string | null][] = [
  ['A1', A, '2025-04-01 09:00:00', '2025-04-02 10:00:00'],
  ['A2', A, '2025-04-07 09:00:00', '2025-04-08 10:00:00'],
  ['A3', A, '2025-04-14 09:00:00', '2025-04-15 10:00:00'],
  ['A4', A, '2025-04-28 09:00:00', null], // open: no completion, no cost share
  ['A5', A, '2025-03-28 09:00:00', '2025-03-31 10:00:00'], // completed in March
  ['B1', B, '2025-04-03 09:00:00', '2025-04-03 16:00:00'],
  ['B2', B, '2025-04-09 09:00:00', '2025-04-10 16:00:00'],
];

let db: Database;

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    for (const [id, region, accepted, completed] of CASES) {
      await c.run("INSERT INTO raw_case VALUES ($1, $2, 'reg_enroll', 'window', CAST($3 AS TIMESTAMP), CAST($4 AS TIMESTAMP), 5, CAST($3 AS TIMESTAMP), 0)", [
        id,
        region,
        accepted,
        completed,
      ]);
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
  it('divides a county’s running costs in 元 by the cases it completed in the month', async () => {
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
