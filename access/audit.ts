// The audit log (audit_log in sql/storage/access.sql): append-only. This module inserts and
// reads; nothing in the application updates or deletes a row.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AuditAction } from '../contracts/access.js';
import type { ScoreChange } from '../scoring/manual-scores.js';
import type { Database } from '../warehouse/database.js';

/** Who acted and from where: the signed-in user (null from the shell) and the request's origin. */
export interface Actor {
  login: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const SHELL: Actor = { login: null, ip: null, userAgent: 'npm run user' };

export interface AuditEntry {
  action: AuditAction;
  target?: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

const INSERT = `INSERT INTO audit_log (id, acted_at, actor, ip, user_agent, action, target, before, after)
  SELECT coalesce(max(id), 0) + 1, CAST(timezone('Asia/Shanghai', now()) AS TIMESTAMP), $actor, $ip, $ua, $action, $target, $before::JSON, $after::JSON FROM audit_log`;

const values = (actor: Actor, entry: AuditEntry) => ({
  actor: actor.login,
  ip: actor.ip,
  ua: actor.userAgent,
  action: entry.action,
  target: entry.target ?? null,
  before: json(entry.before),
  after: json(entry.after),
});

export async function audit(db: Database, actor: Actor, entry: AuditEntry): Promise<void> {
  // The next id under the single writer: exec runs on the writer connection, one statement at a time.
  await db.exec(INSERT, values(actor, entry));
}

/** The entry written inside a transaction on the writer connection: it commits or rolls back with the change it records. */
export async function auditIn(conn: DuckDBConnection, actor: Actor, entry: AuditEntry): Promise<void> {
  await conn.run(INSERT, values(actor, entry));
}

/** A manual-score import: each score's key with its value before (null: new) and after. */
export const scoreImportEntry = (file: string, changes: readonly ScoreChange[]): AuditEntry => ({
  action: 'manual_score_import',
  target: file,
  before: changes.map(({ after: _, ...was }) => was),
  after: changes.map(({ before: _, ...now }) => now),
});
