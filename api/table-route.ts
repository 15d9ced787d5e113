// A table endpoint of the contracts (contracts/endpoints.ts) served from its entry: the
// format asked for and the query checked first (by its schema and codes), the handler handed
// the parsed query and a SELECT list builder that must name exactly the columns of the
// endpoint's row contract.
import type { Context, Hono } from 'hono';
import { API_PREFIX, ENDPOINTS, type ParsedQueryOf, type RowOf, type TablePath } from '../contracts/endpoints.js';
import { selectList, type SelectList } from '../contracts/select.js';
import type { Dims } from './dims.js';
import { knownFormat } from './format.js';
import { validQuery } from './validate.js';

export type Select<R> = (columns: SelectList<R>, from?: string) => string;

export type TableHandler<P extends TablePath> = (query: ParsedQueryOf<P>, c: Context, select: Select<RowOf<P>>) => Promise<Response>;

export function tableRoute<P extends TablePath>(app: Hono, dims: Dims, path: P, handler: TableHandler<P>): void {
  const { query, codes } = ENDPOINTS[path];
  app.get(path.slice(API_PREFIX.length), knownFormat, validQuery(query, codes, dims), (c) => handler(c.req.valid('query') as ParsedQueryOf<P>, c, selectList));
}
