// Table responses in four formats: JSON (default), Arrow IPC stream
// (Accept: application/vnd.apache.arrow.stream), CSV (?format=csv or Accept: text/csv) and an
// Excel workbook (?format=xlsx or Accept: the XLSX type): one sheet, a bold frozen header row,
// numbers as numbers and text made inert as in CSV.
import type { Context, MiddlewareHandler } from 'hono';
import { Bool, DateDay, Float64, Int32, Int64, TimestampMillisecond, Utf8, Table, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { inertText, toCsvText } from '../core/csv.js';
import type { QueryResult } from '../warehouse/database.js';
import { sharedObjects } from '../warehouse/database.js';
import { JsonBody, sendJson, tableBody } from './json-body.js';
import { BadRequest, shown } from './validate.js';

export const ARROW_MIME = 'application/vnd.apache.arrow.stream';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMATS = ['json', 'arrow', 'csv', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

/** ?format= when given (anything else is a 400 naming it), else the Accept header. */
export function negotiate(c: Context): Format {
  const explicit = c.req.query('format');
  if (explicit !== undefined) {
    if ((FORMATS as readonly string[]).includes(explicit)) return explicit as Format;
    throw new BadRequest(`parameter 'format' must be one of ${FORMATS.join(', ')}; got '${shown(explicit)}'`);
  }
  const accept = c.req.header('accept') ?? '';
  if (accept.includes(ARROW_MIME)) return 'arrow';
  if (accept.includes('text/csv')) return 'csv';
  if (accept.includes(XLSX_MIME)) return 'xlsx';
  return 'json';
}

/** Refuses an unknown ?format= before the route does any work. */
export const knownFormat: MiddlewareHandler = async (c, next) => {
  negotiate(c);
  await next();
};

function arrowType(duckType: string): { type: DataType; convert: (v: unknown) => unknown } {
  const t = duckType.toUpperCase();
  if (t === 'BOOLEAN') return { type: new Bool(), convert: (v) => v };
  if (['TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT'].includes(t)) return { type: new Int32(), convert: (v) => v };
  if (['BIGINT', 'HUGEINT', 'UBIGINT', 'UINTEGER'].includes(t)) return { type: new Int64(), convert: (v) => (v === null ? null : BigInt(v as number)) };
  if (t === 'DOUBLE' || t === 'FLOAT' || t.startsWith('DECIMAL')) return { type: new Float64(), convert: (v) => v };
  if (t === 'DATE') return { type: new DateDay(), convert: (v) => (v === null ? null : new Date(`${v}T00:00:00Z`)) };
  if (t.startsWith('TIMESTAMP'))
    return { type: new TimestampMillisecond(), convert: (v) => (v === null ? null : Date.parse(`${String(v).replace(' ', 'T')}Z`)) };
  return { type: new Utf8(), convert: (v) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v)) };
}

export function toArrow({ columns, rows }: QueryResult): Uint8Array {
  const vectors = Object.fromEntries(
    columns.map((col, i) => {
      const { type, convert } = arrowType(col.type);
      return [
        col.name,
        vectorFromArray(
          rows.map((r) => convert(r[i])),
          type,
        ),
      ];
    }),
  );
  return tableToIPC(new Table(vectors), 'stream');
}

export function toCsv({ columns, rows }: QueryResult): string {
  return toCsvText(
    columns.map((c) => c.name),
    rows,
  );
}

const NUMERIC = /^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|DOUBLE|FLOAT|DECIMAL)/i;

/** A cell as Excel should hold it: the database hands BIGINT and DECIMAL over as exact text,
 * which a sheet keeps as a number (Excel's own precision is a double). */
function xlsxCell(v: unknown, numeric: boolean): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint' || (numeric && typeof v === 'string')) return Number(v);
  return inertText(typeof v === 'string' ? v : JSON.stringify(v));
}

export async function toXlsx({ columns, rows }: QueryResult): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(columns.map((col) => inertText(col.name))).font = { bold: true };
  const numeric = columns.map((col) => NUMERIC.test(col.type));
  for (const r of rows) sheet.addRow(r.map((v, i) => xlsxCell(v, numeric[i])));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export async function sendTable(c: Context, result: QueryResult, extra: Record<string, unknown> = {}, filename = 'data'): Promise<Response> {
  switch (negotiate(c)) {
    case 'xlsx':
      return c.body((await toXlsx(result)) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_MIME,
        'content-disposition': `attachment; filename="${filename}.xlsx"`,
      });
    case 'arrow':
      return c.body(toArrow(result) as Uint8Array<ArrayBuffer>, 200, { 'content-type': ARROW_MIME });
    case 'csv':
      return c.body(toCsv(result), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${filename}.csv"`,
      });
    default:
      // Most answers are a cached read's, the same for every request until the marts change.
      return sendJson(
        c,
        Object.keys(extra).length === 0 ? tableBody(result) : new JsonBody({ ...extra, columns: result.columns, data: sharedObjects(result) }),
      );
  }
}
