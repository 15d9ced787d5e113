// Fetching for the SQL console: queries come back as Arrow IPC and are decoded here into
// plain rows; the DuckDB column types and the run's figures come in response headers.
import { tableFromIPC } from 'apache-arrow';
import { ApiError } from './api.js';

export interface SqlColumn {
  name: string;
  type: string;
}

export type SqlRow = Record<string, unknown>;

export interface SqlResult {
  columns: SqlColumn[];
  rows: SqlRow[];
  truncated: boolean;
  elapsedMs: number;
}

export interface CatalogObject {
  name: string;
  kind: 'table' | 'view';
  description: string;
  columns: SqlColumn[];
}

export interface Example {
  name: string;
  title: string;
  description: string;
  query: string;
}

export interface SavedQuery {
  name: string;
  query: string;
  updated_at: string;
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  } catch {
    throw new ApiError('无法连接服务器，请检查网络或稍后重试');
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(body?.error ?? `服务器返回错误 ${res.status}`);
  }
  return res;
}

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
  const res = await request('/api/sql', { method: 'POST', headers: { accept: ARROW_MIME }, body: JSON.stringify({ query }) });
  const columns = JSON.parse(decodeURIComponent(res.headers.get('x-sql-columns') ?? '[]')) as SqlColumn[];
  const table = tableFromIPC(new Uint8Array(await res.arrayBuffer()));
  const rows = table.toArray().map((r) => {
    const o = r.toJSON() as SqlRow;
    return Object.fromEntries(columns.map((c) => [c.name, plainValue(o[c.name], c.type)]));
  });
  return { columns, rows, truncated: res.headers.get('x-sql-truncated') === 'true', elapsedMs: Number(res.headers.get('x-sql-elapsed-ms')) };
}

/** Runs the query again as CSV and hands the file to the browser. */
export async function downloadCsv(query: string, filename: string): Promise<void> {
  const res = await request('/api/sql?format=csv', { method: 'POST', body: JSON.stringify({ query }) });
  const url = URL.createObjectURL(await res.blob());
  const a = Object.assign(document.createElement('a'), { href: url, download: filename });
  a.click();
  URL.revokeObjectURL(url);
}

const data = async <T>(path: string): Promise<T[]> => ((await (await request(path)).json()) as { data: T[] }).data;

export const getCatalog = () => data<CatalogObject>('/api/sql/schema');
export const getExamples = () => data<Example>('/api/sql/examples');
export const getSaved = () => data<SavedQuery>('/api/sql/saved');

export async function saveQuery(name: string, query: string): Promise<void> {
  await request(`/api/sql/saved/${encodeURIComponent(name)}`, { method: 'PUT', body: JSON.stringify({ query }) });
}

export async function deleteSaved(name: string): Promise<void> {
  await request(`/api/sql/saved/${encodeURIComponent(name)}`, { method: 'DELETE' });
}
