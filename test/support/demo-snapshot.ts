// The demo's collected data, built once per test run and copied into each demo server's
// in-memory database. Collecting the simulated province through the collectors takes over a
// minute (a refresh after every few pages of five feeds); about fifteen files start a demo
// server, so each would pay it. The first one to ask collects and leaves a snapshot (a DuckDB
// file of its tables and marts, under a lock directory), the others wait for it and copy it in:
// the same rows the collectors wrote, run log and watermarks included, and the marts their
// refreshes left.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, type Database } from '../../warehouse/database.js';
import { MART_CATALOG } from '../../warehouse/pipeline.js';

/** Where test/support/snapshot-setup.ts put this run's snapshots (unset: no snapshot, collect). */
export const SNAPSHOT_DIR_ENV = 'DEMO_SNAPSHOT_DIR';
const WAIT_MS = 600_000;

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

async function tables(conn: DuckDBConnection, catalog: string, schema = 'main'): Promise<string[]> {
  const r = await conn.runAndReadAll(
    'SELECT table_name FROM duckdb_tables() WHERE database_name = $1 AND schema_name = $2 AND NOT temporary ORDER BY table_name',
    [catalog, schema],
  );
  return r.getRowObjectsJson().map((row) => String(row.table_name));
}

/** Writes the tables of db's main catalog, its sequences' last values and its marts (schema
 * `marts`) to a new file. */
async function writeSnapshot(db: Database, file: string): Promise<void> {
  await db.exclusive(async (c) => {
    await c.run(`ATTACH ${quote(file)} AS snap`);
    try {
      for (const t of await tables(c, 'memory')) await c.run(`CREATE TABLE snap.main.${t} AS FROM memory.main.${t}`);
      await c.run("CREATE TABLE snap.main.snapshot_sequence AS SELECT sequence_name, last_value FROM duckdb_sequences() WHERE database_name = 'memory'");
      await c.run('CREATE SCHEMA snap.marts');
      for (const t of await tables(c, MART_CATALOG)) await c.run(`CREATE TABLE snap.marts.${t} AS FROM ${MART_CATALOG}.main.${t}`);
      await c.run('CHECKPOINT snap'); // the file alone is renamed into place: nothing left in a WAL
    } finally {
      await c.run('DETACH snap');
    }
  });
}

/** Replaces `target`'s rows by `source`'s, in one transaction, for the tables whose rows differ. */
async function copyChanged(c: DuckDBConnection, names: string[], source: string, target: string): Promise<void> {
  await inTransaction(c, async () => {
    for (const t of names) {
      // The seeds are equal already; rewriting them would leave deleted rows and statistics
      // that mislead the planner (a refresh then took minutes instead of seconds).
      const differs = await c.runAndReadAll(
        `SELECT EXISTS (FROM ${source}.${t} EXCEPT ALL FROM ${target}.${t}) OR EXISTS (FROM ${target}.${t} EXCEPT ALL FROM ${source}.${t})`,
      );
      if (!differs.getRows()[0][0]) continue;
      await c.run(`DELETE FROM ${target}.${t}`);
      await c.run(`INSERT INTO ${target}.${t} FROM ${source}.${t}`);
    }
  });
}

/** Makes db hold what the snapshot's database held: its tables' rows, its sequences moved on as
 * far, and its marts (as the collectors' refreshes left them). db must be migrated like the
 * snapshot's database and allowed to read the snapshot's folder. */
async function loadSnapshot(db: Database, file: string): Promise<void> {
  await db.exclusive(
    async (c) => {
      await c.run(`ATTACH ${quote(file)} AS snap (READ_ONLY)`);
      try {
        // One transaction may write one catalog: the tables, then the marts.
        await copyChanged(
          c,
          (await tables(c, 'snap')).filter((t) => t !== 'snapshot_sequence'),
          'snap.main',
          'memory.main',
        );
        await copyChanged(c, await tables(c, 'snap', 'marts'), 'snap.marts', `${MART_CATALOG}.main`);
        const seqs = await c.runAndReadAll('SELECT sequence_name, last_value FROM snap.main.snapshot_sequence WHERE last_value IS NOT NULL');
        for (const s of seqs.getRowObjectsJson()) await c.run(`SELECT max(nextval(${quote(String(s.sequence_name))})) FROM range(${Number(s.last_value)})`);
      } finally {
        await c.run('DETACH snap');
      }
    },
    { marts: true },
  );
}

/** Fills db (migrated, allowed to use the snapshot folder) with the demo's collected data: the
 * run's first caller for `key` collects it (`collect`) and leaves a snapshot of db; the others
 * wait for that and copy it in. Without a snapshot folder every caller collects. */
export async function collectOnce(key: string, db: Database, collect: () => Promise<void>): Promise<void> {
  const dir = process.env[SNAPSHOT_DIR_ENV];
  if (!dir) return collect();
  const file = join(dir, `${key}.duckdb`);
  const failed = join(dir, `${key}.failed`);
  try {
    mkdirSync(join(dir, `${key}.lock`));
  } catch {
    // Another file is collecting it.
    for (const until = Date.now() + WAIT_MS; Date.now() < until; await sleep(250)) {
      if (existsSync(file)) return loadSnapshot(db, file);
      if (existsSync(failed)) throw new Error(`demo snapshot failed: ${readFileSync(failed, 'utf8')}`);
    }
    throw new Error(`demo snapshot ${file} not built within ${WAIT_MS / 1000} s`);
  }
  try {
    await collect();
    await writeSnapshot(db, `${file}.part`);
    renameSync(`${file}.part`, file);
  } catch (err) {
    writeFileSync(failed, String((err as Error).stack ?? err));
    throw err;
  }
}
