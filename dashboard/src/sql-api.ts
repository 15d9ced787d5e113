// Fetching for the SQL console: queries come back as Arrow IPC and are decoded here into
// plain rows; the DuckDB column types and the run's figures come in response headers.
import { tableFromIPC } from 'apache-arrow';
import type { CatalogObjectRow } from '../../contracts/rows.js';
import { request } from './api.js';

export type SqlColumn = CatalogObjectRow['columns'][number];

export type SqlRow = Record<string, unknown>;

export interface SqlResult {
  columns: SqlColumn[];
  rows: SqlRow[];
  truncated: boolean;
  elapsedMs: number;
}

const JSON_BODY = { 'content-type': 'application/json' };
const ARROW_MIME = 'application/vnd.apache.arrow.stream';

/** Arrow gives dates as epoch milliseconds and 64-bit integers as bigint; show them as the JSON API does. */
function plainValue(v: unknown, type: string): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (type === 'DATE') return new Date(v as number).toISOString().slice(0, 10);
  if (type.startsWith('TIMESTAMP')) return new Date(v as number).toISOString().slice(0, 19).replace('T', ' ');
  return v;
}

export async function runSql(query: string): Promise<SqlResult> {
  const res = await request('/api/sql', { method: 'POST', headers: { ...JSON_BODY, accept: ARROW_MIME }, body: JSON.stringify({ query }) });
  const columns = JSON.parse(decodeURIComponent(res.headers.get('x-sql-columns') ?? '[]')) as SqlColumn[];
  const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  const rows = table.toArray().map((r) => {
    const o = r.toJSON() as SqlRow;
    return Object.fromEntries(columns.map((c) => [c.name, plainValue(o[c.name], c.type)]));
  });
  return { columns, rows, truncated: res.headers.get('x-sql-truncated') === 'true', elapsedMs: Number(res.headers.get('x-sql-elapsed-ms')) };
}

/** Runs the query again as CSV or an Excel workbook (written by the server) and hands the file to the browser. */
export async function downloadResult(query: string, name: string, format: 'csv' | 'xlsx'): Promise<void> {
  const filename = `${name}.${format}`;
  const res = await request(`/api/sql?format=${format}`, { method: 'POST', headers: JSON_BODY, body: JSON.stringify({ query }) });
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  URL.revokeObjectURL(url);
}

export async function saveQuery(name: string, query: string): Promise<void> {
  await request(`/api/sql/saved/${encodeURIComponent(name)}`, { method: 'PUT', headers: JSON_BODY, body: JSON.stringify({ query }) });
}

export async function deleteSaved(name: string): Promise<void> {
  await request(`/api/sql/saved/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
