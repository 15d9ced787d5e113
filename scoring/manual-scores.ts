// Manual scores (实地核查法, 抽样调查法): a CSV or XLSX sheet with one score per region, year,
// indicator and evaluation mode. The whole sheet is checked first; a bad sheet is refused
// with its bad rows listed (the first MAX_LISTED, and how many there are) and nothing stored.
// A good sheet is stored in one transaction (re-importing replaces the same keys, never
// duplicates) and the score marts are rebuilt.
import type { DuckDBConnection } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv } from '../core/csv.js';
import { SheetTooLarge, sheetCells } from '../core/xlsx.js';
import { appendTemp, type Database } from '../warehouse/database.js';
import { MartRefresher } from '../ingest/marts.js';

export type SheetKind = 'csv' | 'xlsx';

export const EVALUATION_MODES = ['自我评价', '第三方评价', '上级评价'] as const;

export interface CellError {
  row: number; // row number in the sheet, the header being row 1
  column: string;
  reason: string;
}

/** Errors listed at most in a refusal: a sheet of a million bad rows is answered in a few kB. */
export const MAX_LISTED = 100;

export class SheetError extends Error {
  /** The first MAX_LISTED errors. */
  readonly errors: CellError[];
  constructor(
    errors: CellError[],
    /** All errors found, listed or not. */
    readonly count = errors.length,
  ) {
    super(`the sheet has ${count} error(s); nothing was stored${count > MAX_LISTED ? `; the first ${MAX_LISTED} are listed` : ''}`);
    this.errors = errors.slice(0, MAX_LISTED);
  }
}

export interface ManualScore {
  region_code: string;
  year: number;
  indicator_code: string;
  mode: string;
  score: number;
  assessor: string;
}

interface SheetRow {
  row: number;
  cells: string[];
}

// Accepted header names per field, English or Chinese.
const COLUMNS: Record<keyof ManualScore, string[]> = {
  region_code: ['region', 'region_code', '地区', '地区代码', '行政区划代码'],
  year: ['year', '年度', '年份'],
  indicator_code: ['indicator', 'indicator_code', '指标', '指标编码', '指标代码'],
  score: ['score', '得分', '评分'],
  assessor: ['assessor', '评价人', '评价人员'],
  mode: ['mode', 'evaluation_mode', '评价方式'],
};

async function readRows(data: Uint8Array, kind: SheetKind): Promise<SheetRow[]> {
  if (kind === 'csv') return parseCsv(decodeCsv(data)).map((cells, i) => ({ row: i + 1, cells }));
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new SheetError([{ row: 0, column: '', reason: `not a readable XLSX file: ${(err as Error).message}` }]);
  }
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  try {
    return sheetCells(sheet).map((cells, i) => ({ row: i + 1, cells: Array.from(cells, (c) => c?.text ?? '') }));
  } catch (err) {
    if (err instanceof SheetTooLarge) throw new SheetError([{ row: 0, column: '', reason: err.message }]);
    throw err;
  }
}

/** What a sheet is checked against. */
export interface ManualContext {
  regions: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  /** Indicators some loaded scheme scores by hand. */
  manual: ReadonlySet<string>;
  /** Whether the importing user may score the region (an evaluator: their assigned regions); absent: any. */
  mayScore?: (region: string) => boolean;
}

export async function manualContext(db: Database): Promise<ManualContext> {
  const codes = async (sql: string) => new Set((await db.rows<{ code: string }>(sql)).map((r) => r.code));
  return {
    regions: await codes('SELECT code FROM dim_region'),
    indicators: await codes('SELECT code FROM dim_indicator'),
    manual: await codes("SELECT DISTINCT indicator_code AS code FROM dim_scheme_entry WHERE source = 'manual'"),
  };
}

/** Checks every row; throws SheetError listing all problems, or returns the scores. */
export async function readSheet(data: Uint8Array, kind: SheetKind, ctx: ManualContext): Promise<ManualScore[]> {
  const rows = (await readRows(data, kind)).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const errors: CellError[] = [];
  if (!rows.length) throw new SheetError([{ row: 1, column: '', reason: 'the sheet is empty: expected a header row and score rows' }]);
  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const index = {} as Record<keyof ManualScore, number>;
  for (const [field, names] of Object.entries(COLUMNS) as [keyof ManualScore, string[]][]) {
    index[field] = header.findIndex((h) => names.includes(h));
    if (index[field] < 0) errors.push({ row: rows[0].row, column: names[0], reason: `missing column "${names[0]}" (or ${names.slice(1).join(' / ')})` });
  }
  if (errors.length) throw new SheetError(errors);
  if (rows.length === 1) throw new SheetError([{ row: rows[0].row, column: '', reason: 'the sheet has a header but no score rows' }]);

  const seen = new Map<string, number>();
  const scores: ManualScore[] = [];
  let count = 0;
  for (const { row, cells } of rows.slice(1)) {
    const cell = (f: keyof ManualScore) => (cells[index[f]] ?? '').trim();
    const fail = (f: keyof ManualScore, reason: string) => {
      if (count++ < MAX_LISTED) errors.push({ row, column: COLUMNS[f][0], reason });
    };
    const region = cell('region_code');
    if (!region) fail('region_code', 'empty');
    else if (!ctx.regions.has(region)) fail('region_code', `unknown region code "${region}"`);
    else if (ctx.mayScore && !ctx.mayScore(region)) fail('region_code', `region ${region} is outside the regions you may score (无权为该地区评分)`);
    const yearText = cell('year');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2000 || year > 2100) fail('year', `"${yearText}" is not a year from 2000 to 2100`);
    const indicator = cell('indicator_code');
    if (!ctx.indicators.has(indicator)) fail('indicator_code', `unknown indicator code "${indicator}" (not in Appendix A)`);
    else if (!ctx.manual.has(indicator))
      fail('indicator_code', `indicator ${indicator} is computed from data in every loaded scheme; a manual score would not be used`);
    const scoreText = cell('score');
    const score = Number(scoreText);
    if (scoreText === '' || !Number.isFinite(score) || score < 0 || score > 100) fail('score', `"${scoreText}" is not a number from 0 to 100`);
    const assessor = cell('assessor');
    if (!assessor) fail('assessor', 'empty: name who assessed');
    const mode = cell('mode');
    if (!(EVALUATION_MODES as readonly string[]).includes(mode)) fail('mode', `"${mode}" is not one of ${EVALUATION_MODES.join('、')}`);
    const key = [region, year, indicator, mode].join('|');
    if (seen.has(key)) fail('indicator_code', `duplicates row ${seen.get(key)} (same region, year, indicator and mode)`);
    seen.set(key, row);
    scores.push({ region_code: region, year, indicator_code: indicator, mode, score, assessor });
  }
  if (count) throw new SheetError(errors, count);
  return scores;
}

/** Marks the score marts stale from the year on: a year's manual scores count in its months,
 * year to date and year, so they are rescored from January (inside the transaction storing them). */
export async function rescoreYear(conn: DuckDBConnection, year: number): Promise<void> {
  await conn.run('UPDATE ops_refresh SET scores_from = least(scores_from, make_date($year::INT, 1, 1))', { year });
}

export interface ImportResult {
  rows: number;
  inserted: number;
  replaced: number;
  /** Why the marts could not be refreshed after the scores were stored (logged and retried by `marts`). */
  refresh_error?: string;
}

/** One stored score as it was before an import (null: new) and after, for the audit log. */
export interface ScoreChange {
  region_code: string;
  year: number;
  indicator_code: string;
  mode: string;
  before: number | null;
  after: number;
}

export interface ImportOptions {
  mayScore?: ManualContext['mayScore'];
  /** Told the changes once they are stored (the audit log). */
  onStored?: (changes: ScoreChange[]) => Promise<void>;
}

/** Validates and stores a sheet atomically, then brings the score marts up to date. */
export async function importManualScores(
  db: Database,
  data: Uint8Array,
  kind: SheetKind,
  sourceFile: string,
  marts = new MartRefresher(db),
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const scores = await readSheet(data, kind, { ...(await manualContext(db)), mayScore: opts.mayScore });
  const result = await db.transaction(async (conn) => {
    // Staged with the appender and applied in one statement: a province's sheet has thousands of rows.
    await conn.run(
      'CREATE OR REPLACE TEMP TABLE stage_manual_score (region_code VARCHAR, year INTEGER, indicator_code VARCHAR, mode VARCHAR, score DOUBLE, assessor VARCHAR)',
    );
    await appendTemp(
      conn,
      'stage_manual_score',
      scores.map((r) => [r.region_code, r.year, r.indicator_code, r.mode, r.score, r.assessor]),
    );
    const counted = await conn.runAndReadAll(
      'SELECT count(*) FROM raw_manual_score r JOIN stage_manual_score s USING (region_code, year, indicator_code, mode)',
    );
    const replaced = Number(counted.getRows()[0][0]);
    const changes = opts.onStored
      ? ((
          await conn.runAndReadAll(
            `SELECT s.region_code, s.year, s.indicator_code, s.mode, r.score AS before, s.score AS after
             FROM stage_manual_score s LEFT JOIN raw_manual_score r USING (region_code, year, indicator_code, mode)
             ORDER BY ALL`,
          )
        ).getRowObjectsJson() as unknown as ScoreChange[])
      : [];
    await conn.run(
      `INSERT OR REPLACE INTO raw_manual_score (region_code, year, indicator_code, mode, score, assessor, source_file, imported_at)
       SELECT region_code, year, indicator_code, mode, score, assessor, $1, CAST(timezone('Asia/Shanghai', now()) AS TIMESTAMP)
       FROM stage_manual_score`,
      [sourceFile],
    );
    await rescoreYear(
      conn,
      scores.reduce((min, s) => Math.min(min, s.year), Number.POSITIVE_INFINITY),
    );
    return { counts: { rows: scores.length, inserted: scores.length - replaced, replaced }, changes };
  });
  await opts.onStored?.(result.changes);
  const error = await marts.refresh('manual', { context: `after the manual scores of ${sourceFile}` });
  return error === null ? result.counts : { ...result.counts, refresh_error: error };
}

/** Imports sheets in order unless manual scores exist already (a user's own stay
 * untouched); returns the rows imported, 0 when it left the scores alone. */
export async function importUnlessScored(db: Database, sheets: { name: string; csv: string }[], marts = new MartRefresher(db)): Promise<number> {
  const [{ n }] = await db.rows<{ n: number }>('SELECT count(*)::INT AS n FROM raw_manual_score');
  if (n > 0) return 0;
  let rows = 0;
  for (const sheet of sheets) rows += (await importManualScores(db, new TextEncoder().encode(sheet.csv), 'csv', sheet.name, marts)).rows;
  return rows;
}
