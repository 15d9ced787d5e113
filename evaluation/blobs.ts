// Files a round keeps in the database (evidence, frozen reports, 通报): stored as BLOBs with
// their SHA-256, read back byte for byte.
import { createHash } from 'node:crypto';
import { blobValue, type DuckDBBlobValue } from '@duckdb/node-api';
import type { Database, Params } from '../warehouse/database.js';

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const blob = (bytes: Uint8Array) => blobValue(bytes);

/** The first column of the query's first row as bytes, with the rest of the row as text; null when no row. */
export async function readBlob(db: Database, sql: string, params: Params): Promise<{ bytes: Uint8Array; fields: string[] } | null> {
  return db.withReader(async (c) => {
    const [row] = (await c.runAndReadAll(sql, params)).getRows();
    if (!row) return null;
    const [first, ...rest] = row;
    return { bytes: new Uint8Array((first as DuckDBBlobValue).bytes), fields: rest.map((v) => String(v)) };
  });
}
