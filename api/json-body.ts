// JSON answers serialized once and gzipped at most once, then sent as they are: a cached read
// answers many requests, and serializing and compressing it for each was most of the server's
// work under the pages' load. Gzip goes to clients that accept it (every browser).
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { QueryResult } from '../warehouse/database.js';
import { sharedObjects } from '../warehouse/database.js';

const utf8 = new TextEncoder();
const gzipped = promisify(gzip);

export class JsonBody {
  readonly json: Uint8Array;
  private gzipping?: Promise<Uint8Array>;

  constructor(value: unknown) {
    this.json = utf8.encode(JSON.stringify(value));
  }

  gzip(): Promise<Uint8Array> {
    this.gzipping ??= gzipped(this.json);
    return this.gzipping;
  }
}

/** The body, compressed already: what a kept body counts against its budget. */
export async function compressedBody(value: unknown): Promise<{ body: JsonBody; bytes: number }> {
  const body = new JsonBody(value);
  return { body, bytes: body.json.byteLength + (await body.gzip()).byteLength };
}

const tables = new WeakMap<QueryResult, JsonBody>();

/** A table endpoint's JSON answer ({columns, data}), made once per result. */
export function tableBody(result: QueryResult): JsonBody {
  let body = tables.get(result);
  if (!body) {
    body = new JsonBody({ columns: result.columns, data: sharedObjects(result) });
    tables.set(result, body);
  }
  return body;
}

export async function sendJson(c: Context, body: JsonBody): Promise<Response> {
  const headers = { 'content-type': 'application/json', vary: 'Accept-Encoding' };
  if (accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip')
    return c.body((await body.gzip()) as Uint8Array<ArrayBuffer>, 200, { ...headers, 'content-encoding': 'gzip' });
  return c.body(body.json as Uint8Array<ArrayBuffer>, 200, headers);
}
