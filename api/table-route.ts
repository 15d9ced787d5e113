// A table endpoint of the contracts (contracts/endpoints.ts) served from its entry: the
// format asked for and the query checked first (by its schema and codes), the handler handed
// the parsed query and a SELECT list builder that must name exactly the columns of the
// endpoint's row contract. Most endpoints are a read (TableRead) answered in the format asked
// for; the page endpoints (api/routes/pages.ts) batch the same reads, so a panel's rows are the
// table endpoint's.
import type { Context, Hono } from 'hono';
import { API_PREFIX, ENDPOINTS, type ParsedQueryOf, type QueryOf, type RowOf, type TablePath } from '../contracts/endpoints.js';
import { selectList, type SelectList } from '../contracts/select.js';
import { sharedObjects, type QueryResult } from '../warehouse/database.js';
import type { Dims } from './dims.js';
import { knownFormat, sendTable } from './format.js';
import { validQuery } from './validate.js';

export type Select<R> = (columns: SelectList<R>, from?: string) => string;

export type TableHandler<P extends TablePath> = (query: ParsedQueryOf<P>, c: Context, select: Select<RowOf<P>>) => Promise<Response>;

/** How a table endpoint reads its rows from a parsed query. */
export type TableRead<P extends TablePath> = (query: ParsedQueryOf<P>, select: Select<RowOf<P>>) => Promise<QueryResult>;

/** Reads of some table endpoints, by path. */
export type TableReads<P extends TablePath = TablePath> = { [K in P]: TableRead<K> };

export function tableRoute<P extends TablePath>(app: Hono, dims: Dims, path: P, handler: TableHandler<P>): void {
  const { query, codes } = ENDPOINTS[path];
  app.get(path.slice(API_PREFIX.length), knownFormat, validQuery(query, codes, dims), (c) => handler(c.req.valid('query') as ParsedQueryOf<P>, c, selectList));
}

/** A table endpoint answered by its read; `filename` names a CSV or XLSX download. */
export function readRoute<P extends TablePath>(app: Hono, dims: Dims, reads: TableReads<P>, path: P, filename: (query: ParsedQueryOf<P>) => string): void {
  const read = reads[path] as TableRead<P>;
  tableRoute(app, dims, path, async (query, c, select) => sendTable(c, await read(query, select), {}, filename(query)));
}

/** The rows a table endpoint answers to `params` (as a request gives them, defaults filled in by its schema). */
export async function readRows<P extends TablePath>(reads: TableReads<P>, path: P, params: QueryOf<P>): Promise<RowOf<P>[]> {
  const query = ENDPOINTS[path].query.parse(params) as ParsedQueryOf<P>;
  const read = reads[path] as TableRead<P>;
  return sharedObjects(await read(query, selectList)) as RowOf<P>[];
}
