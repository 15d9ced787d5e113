// The marts are refreshed for the periods that changed only (ops_refresh): after
// cases completed late, a restated report, late uploads and deadlines passing with time,
// every mart must equal a full rebuild — and a refresh must leave earlier periods alone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TableCollector, createRecordTable, queueRecords } from '../../bench/table-source.js';
import type { Database } from '../../warehouse/database.js';
import { runScript } from '../../warehouse/pipeline.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { ROOT } from '../../core/paths.js';
import { difference as differenceOf, freshDb } from '../support/db.js';

const CASES = 12_000;
const MARTS = [
  'mart_case_period',
  'mart_report_period',
  'mart_metric_value',
  'mart_compare_vertical',
  'mart_compare_horizontal',
  'mart_score_indicator',
  'mart_score_item',
  'mart_score_total',
];
let db: Database;

const difference = (a: string, b: string) => differenceOf(db, a, b);

const queue = (select: string) => db.exclusive((c) => queueRecords(c, 'feed_record', select));

async function collectAll(): Promise<void> {
  const collector = new TableCollector(db);
  for (const feed of ['cases', 'reports', 'uploads']) {
    const run = await collector.run(feed, { trigger: 'manual', pageSize: 2000 });
    expect(run.status, run.error).toBe('ok');
  }
}

/** Rebuilds every mart in full and returns, per mart, the rows that differ from what the
 * incremental refreshes had left (both ways; 0 when equal) and how many rows it has. */
async function differenceFromFullRebuild(): Promise<Record<string, { rows: number; differing: number }>> {
  for (const t of MARTS) await db.exec(`CREATE OR REPLACE TABLE incremental_${t} AS FROM ${t}`);
  await db.exclusive((c) => markAllStale(c));
  await refreshMarts(db);
  const out: Record<string, { rows: number; differing: number }> = {};
  for (const t of MARTS) {
    const [{ n }] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM ${t}`);
    out[t] = { rows: n, differing: await difference(`incremental_${t}`, t) };
  }
  return out;
}

const expectEqualToFullRebuild = async () => {
  for (const [table, { rows, differing }] of Object.entries(await differenceFromFullRebuild())) {
    expect(rows, table).toBeGreaterThan(0);
    expect(differing, table).toBe(0);
  }
};

beforeAll(async () => {
  db = await freshDb();
  await db.exclusive(async (c) => {
    await runScript(c, readFileSync(`${ROOT}/bench/generate.sql`, 'utf8'));
    await createRecordTable(c, 'feed_record');
  });
  // 15 February: cases accepted in January and February so far; January's reports and uploads.
  await db.setClock('2025-02-15 00:00:00');
  await db.exclusive((c) => markAllStale(c));
  await queue(`SELECT 'cases' AS feed, * FROM gen_case_records(0, ${CASES}, DATE '2025-01-01', 59, TIMESTAMP '2025-01-01', TIMESTAMP '2025-02-15', 0, ${CASES})
               UNION ALL SELECT 'reports', * FROM gen_report_records(DATE '2025-01-01', 1)
               UNION ALL SELECT 'uploads', * FROM gen_upload_records(DATE '2025-01-01', 1, TIMESTAMP '2025-01-01', TIMESTAMP '2025-02-15')`);
  await collectAll();
  // 20 March: later cases and the completions of earlier ones, January's report restated
  // (version 2, other figures), February's report, late uploads of January and February's.
  await db.setClock('2025-03-20 00:00:00');
  await queue(`SELECT 'cases' AS feed, * FROM gen_case_records(0, ${CASES}, DATE '2025-01-01', 59, TIMESTAMP '2025-02-15', TIMESTAMP '2025-03-20', 0, ${CASES})
               WHERE updated_at > TIMESTAMP '2025-02-15'
               UNION ALL
               SELECT 'reports', TIMESTAMP '2025-03-01 09:00:00',
                      to_json({region_code: region_code, period: '2025-01', version: 2, submitted_at: '2025-03-01T09:00:00+08:00',
                               figures: json_group_object(metric, round(value * 1.02))})::VARCHAR
               FROM gen_report_rows(DATE '2025-01-01', 1) GROUP BY region_code
               UNION ALL SELECT 'reports', * FROM gen_report_records(DATE '2025-02-01', 1)
               UNION ALL SELECT 'uploads', * FROM gen_upload_records(DATE '2025-01-01', 2, TIMESTAMP '2025-02-15', TIMESTAMP '2025-03-20')
               WHERE updated_at > TIMESTAMP '2025-02-15'`);
  await collectAll();
});
afterAll(() => db?.close());

describe('incremental refresh of the marts', () => {
  it('received changes to January in the second delivery (late completions, a restated report)', async () => {
    const [row] = await db.rows<Record<string, number>>(`SELECT
      (SELECT count(*) FROM raw_report WHERE period_month = DATE '2025-01-01' AND version = 2) AS restated,
      (SELECT count(*) FROM raw_case WHERE completed_at >= TIMESTAMP '2025-02-15' AND accepted_at < TIMESTAMP '2025-02-01') AS late_completions,
      (SELECT count(*) FROM mart_metric_value WHERE period_type = 'month' AND period = '2025-03') AS march_values`);
    expect(row.restated).toBeGreaterThan(100);
    expect(row.late_completions).toBeGreaterThan(100);
    expect(row.march_values).toBeGreaterThan(0);
  });

  it('gives every mart exactly as a full rebuild does', expectEqualToFullRebuild);

  it('recomputes the periods from ops_refresh onward and leaves earlier ones as they are', async () => {
    const value = async (period: string) =>
      (
        await db.rows<{ value: number }>(`SELECT value FROM mart_metric_value
        WHERE region_code = '370000' AND metric = 'on_time_rate' AND period_type = 'month' AND period = '${period}'`)
      )[0].value;
    const january = await value('2025-01');
    const march = await value('2025-03');
    await db.exec("UPDATE mart_metric_value SET value = -1 WHERE region_code = '370000' AND metric = 'on_time_rate' AND period IN ('2025-01', '2025-03')");
    await db.exec("UPDATE ops_refresh SET marts_from = DATE '2025-03-05', scores_from = DATE '2025-03-05'");
    await refreshMarts(db);
    expect(await value('2025-01')).toBe(-1); // before the range: not recomputed
    expect(await value('2025-03')).toBe(march);
    expect(january).not.toBe(-1);
    const [state] = await db.rows<{ marts_from: string; scores_from: string }>(
      'SELECT CAST(marts_from AS VARCHAR) AS marts_from, CAST(scores_from AS VARCHAR) AS scores_from FROM ops_refresh',
    );
    expect(state).toEqual({ marts_from: '2025-03-20', scores_from: '2025-03-20' });
    await db.exec(`UPDATE mart_metric_value SET value = ${january} WHERE value = -1`);
  });

  it('keeps every mart equal to a full rebuild when a batch is applied again', async () => {
    await db.exec('DELETE FROM ops_watermark');
    await collectAll();
    await expectEqualToFullRebuild();
  });
});
