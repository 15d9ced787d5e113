// The SQL pipeline as sql/pipeline.json orders it: storage files, then model files (one
// relation each), some of whose views are materialized as marts. The marts' statements are
// generated here from the manifest, so each mart is declared once (its view, refresh group
// and row order) instead of written out as its own script.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { SQL_DIR } from '../core/paths.js';

/** The in-memory catalog of the marts (attached by Database.open). */
export const MART_CATALOG = 'mart';

export const REFRESH_GROUPS = ['indicators', 'scores'] as const;
export type RefreshGroup = (typeof REFRESH_GROUPS)[number];

const NAME = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be a snake_case relation name');

const MartEntry = z.strictObject({
  view: NAME,
  mart: NAME.regex(/^mart_/, "must start with 'mart_'"),
  refresh: z.enum(REFRESH_GROUPS),
  order_by: z.string().optional(),
});
export type Mart = z.infer<typeof MartEntry>;

const Manifest = z.object({
  storage: z.array(NAME).nonempty(),
  model: z.array(z.union([NAME, MartEntry])).nonempty(),
});

export interface Pipeline {
  /** Storage files, by name (sql/storage/<name>.sql). */
  storage: string[];
  /** Model files in binding order, by name (sql/model/<name>.sql); a mart's file is its view's. */
  model: string[];
  marts: Mart[];
}

export const MANIFEST_PATH = join(SQL_DIR, 'pipeline.json');

/** Reads and checks the manifest; a bad entry is named in the error. */
export function readPipeline(path = MANIFEST_PATH): Pipeline {
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${path}: ${issue.path.join('.')} ${issue.message}`);
  }
  const { storage, model } = parsed.data;
  return {
    storage,
    model: model.map((e) => (typeof e === 'string' ? e : e.view)),
    marts: model.filter((e): e is Mart => typeof e !== 'string'),
  };
}

let cached: Pipeline | null = null;
/** The project's pipeline, read once. */
export function pipeline(): Pipeline {
  cached ??= readPipeline();
  return cached;
}

export const storageFile = (name: string) => join(SQL_DIR, 'storage', `${name}.sql`);
export const modelFile = (name: string) => join(SQL_DIR, 'model', `${name}.sql`);

const texts = new Map<string, string>();
/** A SQL file's text, read once per process (scripts run on every batch). */
export function sqlText(path: string): string {
  let text = texts.get(path);
  if (text === undefined) {
    text = readFileSync(path, 'utf8');
    texts.set(path, text);
  }
  return text;
}

/** Runs every statement of a script in order on one connection. */
export async function runScript(conn: DuckDBConnection, sql: string): Promise<void> {
  const statements = await conn.extractStatements(sql);
  for (let i = 0; i < statements.count; i++) {
    const prepared = await statements.prepare(i);
    await prepared.run();
  }
}

/** The mart's table, empty, with its view's columns. */
export function createMart(m: Mart): string {
  return `CREATE TABLE IF NOT EXISTS ${MART_CATALOG}.${m.mart} AS FROM ${m.view} LIMIT 0`;
}

/** Recomputes the mart's rows of the periods in_refresh() names. */
export function refreshMart(m: Mart): string[] {
  return [
    `DELETE FROM ${MART_CATALOG}.${m.mart} WHERE in_refresh(period_type, period)`,
    `INSERT INTO ${MART_CATALOG}.${m.mart} FROM ${m.view} WHERE in_refresh(period_type, period)${m.order_by ? ` ORDER BY ${m.order_by}` : ''}`,
  ];
}
