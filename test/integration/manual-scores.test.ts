// Manual-score sheets: CSV and XLSX, through the module and POST /api/manual-scores.
// A bad sheet is refused row by row with nothing stored; re-importing does not duplicate.
import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInApp } from '../support/auth.js';
import type { Database } from '../../warehouse/database.js';
import { parseCsv } from '../../core/csv.js';
import { SheetError, importManualScores } from '../../scoring/manual-scores.js';
import { freshDb } from '../support/db.js';

let db: Database;
let app: Hono;

beforeAll(async () => {
  db = await freshDb();
  app = await signedInApp(db);
});
afterAll(() => db.close());

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const HEADER = '地区代码,年度,指标编码,得分,评价人,评价方式';
const stored = async () => (await db.rows<{ n: number }>('SELECT count(*) AS n FROM raw_manual_score'))[0].n;
const points = async (indicator: string) =>
  db.rows(
    "SELECT points FROM v_score_entry WHERE scheme = 'standard' AND region_code = '370102' AND period_type = 'year' AND period = '2025' AND indicator_code = $1 AND source = 'manual'",
    [indicator],
  );

describe('manual-score import', () => {
  it('stores a good CSV sheet, scores it, and replaces rather than duplicates on re-import', async () => {
    const sheet = csv(HEADER, '370102,2025,5.3.1,80,"张三, 省评估组",上级评价', '370102,2025,5.3.2,60,李四,自我评价');
    expect(await importManualScores(db, sheet, 'csv', 'a.csv')).toEqual({ rows: 2, inserted: 2, replaced: 0 });
    expect(await importManualScores(db, sheet, 'csv', 'a.csv')).toEqual({ rows: 2, inserted: 0, replaced: 2 });
    expect(await stored()).toBe(2);
    // Standard scheme: 5.3.1's manual part is worth 0.5 points (1 more from disclosure_on_time_rate) → 0.5 × 80% = 0.4;
    // 5.3.2's is worth 0.25 (0.75 from fund_disclosure_on_time_rate) → 0.25 × 60% = 0.15.
    expect(await points('5.3.1')).toEqual([{ points: 0.4 }]);
    expect(await points('5.3.2')).toEqual([{ points: 0.15 }]);
    expect((await db.rows("SELECT assessor FROM raw_manual_score WHERE indicator_code = '5.3.1'"))[0]).toEqual({ assessor: '张三, 省评估组' });
  });

  it('refuses a bad sheet with every bad row and column, storing nothing', async () => {
    const before = await stored();
    const sheet = csv(
      HEADER,
      '370102,2025,5.1.1,90,王五,第三方评价', // good, but must not be stored with the bad ones
      '999999,2025,5.1.2,90,王五,第三方评价',
      '370102,25,5.1.3,90,王五,第三方评价',
      '370102,2025,2.1.2,90,王五,第三方评价',
      '370102,2025,9.9.9,120,,外部评价',
      '370102,2025,5.1.1,70,赵六,第三方评价',
    );
    const err = await importManualScores(db, sheet, 'csv', 'bad.csv').catch((e) => e);
    expect(err).toBeInstanceOf(SheetError);
    expect(err.errors).toEqual([
      { row: 3, column: 'region', reason: 'unknown region code "999999"' },
      { row: 4, column: 'year', reason: '"25" is not a year from 2000 to 2100' },
      { row: 5, column: 'indicator', reason: 'indicator 2.1.2 is computed from data in every loaded scheme; a manual score would not be used' },
      { row: 6, column: 'indicator', reason: 'unknown indicator code "9.9.9" (not in Appendix A)' },
      { row: 6, column: 'score', reason: '"120" is not a number from 0 to 100' },
      { row: 6, column: 'assessor', reason: 'empty: name who assessed' },
      { row: 6, column: 'mode', reason: '"外部评价" is not one of 自我评价、第三方评价、上级评价' },
      { row: 7, column: 'indicator', reason: 'duplicates row 2 (same region, year, indicator and mode)' },
    ]);
    expect(await stored()).toBe(before);
  });

  it('names a missing column', async () => {
    const err = await importManualScores(db, csv('region,year,indicator,score,mode', '370102,2025,5.1.1,90,上级评价'), 'csv', 'x.csv').catch((e) => e);
    expect(err.errors).toEqual([{ row: 1, column: 'assessor', reason: 'missing column "assessor" (or 评价人 / 评价人员)' }]);
  });

  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('\ufeffa,"b,""c""\nd"\r\n1,2')).toEqual([
      ['a', 'b,"c"\nd'],
      ['1', '2'],
    ]);
  });
});

describe('POST /api/manual-scores', () => {
  async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('评分');
    for (const r of rows) sheet.addRow(r);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }

  it('imports an XLSX sheet sent as multipart form data', async () => {
    const data = await xlsx([
      ['region', 'year', 'indicator', 'score', 'assessor', 'mode'],
      ['370103', 2025, '5.2.1', 50, '第三方机构', '第三方评价'],
    ]);
    const form = new FormData();
    form.append('file', new File([data as Uint8Array<ArrayBuffer>], 'scores.xlsx'));
    const res = await app.request('/api/manual-scores', { method: 'POST', body: form });
    expect(await res.json()).toEqual({ file: 'scores.xlsx', rows: 1, inserted: 1, replaced: 0 });
    const row = await db.rows("SELECT score, mode, source_file FROM raw_manual_score WHERE region_code = '370103'");
    expect(row).toEqual([{ score: 50, mode: '第三方评价', source_file: 'scores.xlsx' }]);
  });

  it('answers a bad raw CSV body with a 400 listing the rows', async () => {
    const res = await app.request('/api/manual-scores', {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: `${HEADER}\n370102,2025,5.1.1,abc,王五,上级评价\n`,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'the sheet has 1 error(s); nothing was stored',
      error_count: 1,
      errors: [{ row: 2, column: 'score', reason: '"abc" is not a number from 0 to 100' }],
    });
  });

  it('lists the first 100 errors of a sheet of bad rows, and how many there are', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${900000 + i},2025,5.1.1,80,王五,上级评价`);
    const res = await app.request('/api/manual-scores', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: [HEADER, ...rows].join('\n') });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('the sheet has 5000 error(s); nothing was stored; the first 100 are listed');
    expect(body.error_count).toBe(5000);
    expect(body.errors).toHaveLength(100);
    expect(body.errors[99]).toEqual({ row: 101, column: 'region', reason: 'unknown region code "900099"' });
    expect(JSON.stringify(body).length).toBeLessThan(10_000);
  });

  it('refuses at once a sparse workbook reaching cell XFD1048576, naming the cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('评分');
    sheet.addRow(['region', 'year', 'indicator', 'score', 'assessor', 'mode']);
    sheet.getCell('XFD1048576').value = 1;
    const data = new Uint8Array(await book.xlsx.writeBuffer());
    expect(data.length).toBeLessThan(10_000);
    const started = Date.now();
    const res = await app.request('/api/manual-scores', {
      method: 'POST',
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: data as Uint8Array<ArrayBuffer>,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([
      { row: 0, column: '', reason: 'cell XFD1048576 holds a value beyond the 100000 rows and 256 columns (A to IV) a sheet may use' },
    ]);
  });

  it('refuses an unsupported content type naming the header', async () => {
    const res = await app.request('/api/manual-scores', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^header 'content-type' must be text\/csv/);
  });
});
