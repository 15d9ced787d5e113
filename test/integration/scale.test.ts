// Beyond one machine: the Parquet export (hive layout by province and month), the same SQL
// views over it, and a national level summing two provinces' additive parts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../warehouse/database.js';
import { runScript, sqlText } from '../../warehouse/pipeline.js';
import { markAllStale, refreshMarts } from '../../warehouse/refresh.js';
import { ROOT } from '../../core/paths.js';
import { exportParquet } from '../../warehouse/parquet/export.js';
import { relabelExport } from '../../warehouse/parquet/national.js';
import { openParquetViews } from '../../warehouse/parquet/views.js';
import { freshDb } from '../support/db.js';

const out = mkdtempSync(join(tmpdir(), 'si-export-'));
let db: Database;

const HEADLINE = `SELECT region_code, period_type, period, metric, numerator, denominator, value FROM v_metric_value
  WHERE region_code IN ('370000', '370100', '370102') AND metric IN ('on_time_rate', 'online_rate', 'upload_timeliness', 'handling_days_median', 'handling_hours_p90', 'registration_rate')
  ORDER BY ALL`;

beforeAll(async () => {
  db = await freshDb([out]);
  await db.exclusive(async (c) => {
    await runScript(c, readFileSync(join(ROOT, 'bench/generate.sql'), 'utf8'));
    await c.run(`INSERT INTO raw_case FROM gen_cases(0, 6000, DATE '2025-01-01', 90, TIMESTAMP '2025-04-15', 0, 6000)`);
    await c.run(`INSERT INTO raw_report FROM gen_report_rows(DATE '2025-01-01', 2)`);
    await c.run(`INSERT INTO raw_upload FROM gen_upload_rows(DATE '2025-01-01', 2, TIMESTAMP '2025-04-15')`);
    await runScript(c, sqlText(join(ROOT, 'ingest/feeds/cases.rebuild.sql')));
    await markAllStale(c);
  });
  await refreshMarts(db);
  await exportParquet(db, out);
});
afterAll(() => {
  db?.close();
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}-41`, { recursive: true, force: true });
});

describe('Parquet export', () => {
  it('writes raw facts and aggregates partitioned by province and month', async () => {
    for (const path of [
      'raw_case/province=370000/month=2025-01',
      'raw_case/province=370000/month=2025-03',
      'agg_case_day/province=370000/month=2025-02',
      'agg_case_duration_month/province=370000/month=2025-03',
      'raw_upload/province=370000/month=2025-02',
      'dim/dim_region.parquet',
    ]) {
      expect(existsSync(join(out, path)), path).toBe(true);
    }
    const [row] = await db.rows<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet('${out}/raw_case/**/*.parquet', hive_partitioning = true) WHERE month = '2025-02'`,
    );
    const [direct] = await db.rows<{ n: number }>(`SELECT count(*) AS n FROM raw_case WHERE strftime(accepted_at, '%Y-%m') = '2025-02'`);
    expect(row.n).toBe(direct.n);
    expect(row.n).toBeGreaterThan(1500);
  });

  it('gives the same indicator values when the views run over the Parquet layout', async () => {
    const views = await openParquetViews([out]);
    try {
      const expected = await db.rows(HEADLINE);
      expect(expected.length).toBeGreaterThan(50);
      expect(await views.rows(HEADLINE)).toEqual(expected);
    } finally {
      views.close();
    }
  });

  it('rolls two provinces up to a national level from aggregates alone', async () => {
    await relabelExport(out, `${out}-41`, '37', '41', '乙省·');
    const nation = await openParquetViews([out, `${out}-41`], { aggregatesOnly: true, nation: { code: '000000', name: '全国' } });
    try {
      const [province] = await db.rows<Record<string, number>>(
        "SELECT numerator, denominator, value FROM v_metric_value WHERE region_code = '370000' AND metric = 'on_time_rate' AND period = '2025'",
      );
      const part = (region: string) =>
        nation.rows<Record<string, number>>(
          `SELECT numerator, denominator, value FROM v_metric_value WHERE region_code = '${region}' AND metric = 'on_time_rate' AND period = '2025'`,
        );
      const [national] = await part('000000');
      // The second province is a relabelled copy: the nation holds twice the parts, same ratio.
      expect(national.numerator).toBe(2 * province.numerator);
      expect(national.denominator).toBe(2 * province.denominator);
      expect(national.value).toBeCloseTo(province.value, 10);
      expect((await part('410000'))[0].numerator).toBe(province.numerator);
      const [raw] = await nation.rows<{ n: number }>('SELECT count(*) AS n FROM raw_case');
      expect(raw.n).toBe(0); // no raw case left its province
    } finally {
      nation.close();
    }
  });
});
