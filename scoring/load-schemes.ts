// Loads every scheme file in seeds/schemes/ into dim_scheme* at start (after the seeds,
// so Appendix A and the metrics are there to check against). An invalid file stops the load.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { ROOT, SEEDS_DIR } from '../core/paths.js';
import { readResult, toObjects } from '../warehouse/database.js';
import { SchemeError, checkScheme, type LoadedScheme, type SchemeContext } from './scheme.js';

export const SCHEMES_DIR = join(SEEDS_DIR, 'schemes');

async function select<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
  return toObjects(readResult(await conn.runAndReadAll(sql))) as T[];
}

export async function schemeContext(conn: DuckDBConnection): Promise<SchemeContext> {
  const indicators = await select<{ code: string; name: string; category: string }>(conn, 'SELECT code, name, category FROM dim_indicator');
  const metrics = await select<{ code: string; higher_is_better: boolean; unit: string; min_value: number; max_value: number }>(
    conn,
    'SELECT code, higher_is_better, unit, min_value, max_value FROM dim_metric',
  );
  return { indicators: new Map(indicators.map((i) => [i.code, i])), metrics: new Map(metrics.map((m) => [m.code, m])) };
}

/** Reads and checks the scheme files of a folder; throws SchemeError on the first bad file. */
export function readSchemes(dir: string, ctx: SchemeContext): LoadedScheme[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const loaded = files.map((f) => {
    const path = join(dir, f);
    const name = relative(ROOT, path);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new SchemeError(name, [`not valid JSON: ${(err as Error).message}`]);
    }
    return checkScheme(raw, name, ctx);
  });
  const codes = loaded.map((s) => s.scheme.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup)
    throw new SchemeError(
      loaded
        .filter((s) => s.scheme.code === dup)
        .map((s) => s.scheme.file)
        .join(' and '),
      [`scheme code "${dup}" is used by two files`],
    );
  return loaded;
}

async function insertRows(conn: DuckDBConnection, table: string, rows: object[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0]);
  const prepared = await conn.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})`);
  for (const row of rows) {
    prepared.bind(cols.map((c) => (row as Record<string, DuckDBValue>)[c]));
    await prepared.run();
  }
}

const warned = new Set<string>();

/** Replaces the loaded schemes with the files in dir (run inside the seed transaction). */
export async function loadSchemes(conn: DuckDBConnection, dir = SCHEMES_DIR): Promise<LoadedScheme[]> {
  const schemes = readSchemes(dir, await schemeContext(conn));
  for (const table of ['dim_scheme', 'dim_scheme_item', 'dim_scheme_entry', 'dim_grade_band']) await conn.run(`DELETE FROM ${table}`);
  for (const s of schemes) {
    await insertRows(conn, 'dim_scheme', [s.scheme]);
    await insertRows(conn, 'dim_scheme_item', s.items);
    await insertRows(conn, 'dim_scheme_entry', s.entries);
    await insertRows(conn, 'dim_grade_band', s.bands);
    const warning = `${s.scheme.file} uses metrics not computed yet; their entries score as missing values: ${s.warnings.join(', ')}`;
    if (s.warnings.length && !warned.has(warning)) console.warn(`[scoring] ${warning}`);
    warned.add(warning);
  }
  return schemes;
}
