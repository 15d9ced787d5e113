// Statistical report files as statisticians exchange them: one sheet (or CSV) with a
// header row — region_code, period (YYYY-MM), version, submitted_at (optional) and one
// column per figure — and one row per region and month. Parsed here, in TypeScript,
// into records of the reports feed; each record names its file and row for error reports.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { decodeCsv, parseCsv } from '../../core/csv.js';
import { SheetTooLarge, sheetCells } from '../../core/xlsx.js';

export interface ReportFile {
  records: Record<string, unknown>[];
  /** Why the file as a whole could not be read (nothing loaded from it). */
  error?: string;
}

// Chinese headers as they appear in report templates.
const ALIASES: Record<string, string> = {
  地区代码: 'region_code',
  行政区划代码: 'region_code',
  报告期: 'period',
  统计期: 'period',
  版本: 'version',
  报送时间: 'submitted_at',
};
const REQUIRED = ['region_code', 'period', 'version'];

type Cell = string | number | null;

/** An XLSX cell as plain text or number: formulas give their result, dates their wall-clock time. */
function xlsxCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 19);
  if ('result' in v) return xlsxCell(v.result as ExcelJS.CellValue);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('error' in v) return v.error;
  if ('text' in v) return String(v.text);
  return JSON.stringify(v);
}

async function readXlsx(path: string): Promise<{ sheet: string; rows: Cell[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  if (!sheet) throw new Error('the workbook has no worksheet');
  return { sheet: sheet.name, rows: sheetCells(sheet).map((cells) => Array.from(cells, (c) => (c ? xlsxCell(c.value) : null))) };
}

/** Larger than any report of a province; a bigger file is refused unread. */
export const MAX_REPORT_FILE_BYTES = 50 * 1024 * 1024;

const blank = (v: Cell) => v === null || (typeof v === 'string' && v.trim() === '');
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** Numeric text as a number (CSV has only text); anything else unchanged for the feed to judge. */
const numeric = (v: Cell) => (typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v.trim()) : v);
/** A month typed into a spreadsheet becomes a date on its first day: give it back as YYYY-MM. */
const period = (v: Cell) => (typeof v === 'string' && /^\d{4}-\d{2}-01T00:00:00$/.test(v) ? v.slice(0, 7) : typeof v === 'string' ? v.trim() : v);

/** Reads a report file into reports-feed records; `submittedAt` stands in for a missing submitted_at. */
export async function readReportFile(path: string, submittedAt: string): Promise<ReportFile> {
  const name = basename(path);
  let rows: Cell[][];
  let where: (line: number) => string;
  try {
    const { size } = await stat(path);
    if (size > MAX_REPORT_FILE_BYTES)
      return {
        records: [],
        error: `${name} is ${Math.round(size / 1024 / 1024)} MB, more than the ${MAX_REPORT_FILE_BYTES / 1024 / 1024} MB a report file may be`,
      };
    const ext = extname(path).toLowerCase();
    if (ext === '.csv') {
      rows = parseCsv(decodeCsv(await readFile(path)));
      where = (line) => `${name} row ${line}`;
    } else if (ext === '.xlsx') {
      const book = await readXlsx(path);
      rows = book.rows;
      where = (line) => `${name} sheet ${book.sheet} row ${line}`;
    } else {
      return { records: [], error: `${name}: unsupported file type '${ext}'; save the report as .xlsx or .csv` };
    }
  } catch (err) {
    if (err instanceof SheetTooLarge) return { records: [], error: `${name}: ${err.message}` };
    return { records: [], error: `${name} is not a readable ${extname(path).slice(1).toUpperCase()} file: ${(err as Error).message}` };
  }
  const headerAt = rows.findIndex((r) => !r.every(blank));
  if (headerAt < 0) return { records: [], error: `${name} is empty` };
  const header = rows[headerAt].map((h) => (blank(h) ? '' : String(h).trim())).map((h) => ALIASES[h] ?? h.toLowerCase());
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length)
    return { records: [], error: `${where(headerAt + 1)}: header lacks column(s) ${missing.join(', ')} (found ${header.filter(Boolean).join(', ')})` };

  const records: Record<string, unknown>[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const cells = rows[i];
    if (cells.every(blank)) continue;
    const record: Record<string, unknown> = { _origin: where(i + 1), submitted_at: submittedAt, figures: {} };
    const figures = record.figures as Record<string, Cell>;
    header.forEach((col, j) => {
      const v = cells[j] ?? null;
      if (col === '' || blank(v)) return;
      if (col === 'region_code') record.region_code = String(v).trim();
      else if (col === 'period') record.period = period(v);
      else if (col === 'version') record.version = numeric(v);
      else if (col === 'submitted_at') record.submitted_at = typeof v === 'string' ? v.trim() : v;
      else figures[col] = numeric(v);
    });
    records.push(record);
  }
  return { records };
}
