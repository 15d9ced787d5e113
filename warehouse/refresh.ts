// Brings the marts up to date after new data lands, recomputing only the periods that
// ops_refresh says changed (sql/storage/operations.sql).
import type { DuckDBConnection } from '@duckdb/node-api';
import { inTransaction, type Database } from './database.js';
import { pipeline, refreshMart, runScript, sqlText, type RefreshGroup } from './pipeline.js';

const BEGIN = new URL('./refresh-begin.sql', import.meta.url).pathname;

/** Opt-in timing of each mart's statements (bench/profile-refresh.ts); null: none kept. */
let onMart: ((mart: string, ms: number) => void) | null = null;
export function profileMarts(fn: ((mart: string, ms: number) => void) | null): void {
  onMart = fn;
}

/** The indicator marts, then unless told not to the score marts (a long run refreshes
 * indicators as it goes, scores once at its end), in the manifest's order. The marts are
 * written in one transaction: readers see the previous marts until it commits, and a failed
 * refresh leaves them and ops_refresh as they were, so the next one recomputes the same periods. */
export async function refreshMarts(db: Database, { scores = true } = {}): Promise<void> {
  const groups: [RefreshGroup, string][] = [['indicators', 'marts_from']];
  if (scores) groups.push(['scores', 'scores_from']);
  await db.exclusive(
    async (conn) => {
      await runScript(conn, sqlText(BEGIN));
      // One transaction may write one catalog: the marts here, ops_refresh after it.
      await inTransaction(conn, async () => {
        for (const [group, from] of groups) {
          await conn.run(`SET VARIABLE refresh_from = getvariable('${from}')`);
          for (const mart of pipeline().marts.filter((m) => m.refresh === group)) {
            const started = performance.now();
            for (const sql of refreshMart(mart)) await conn.run(sql);
            onMart?.(mart.mart, performance.now() - started);
          }
        }
      });
      await conn.run(`UPDATE ops_refresh SET ${groups.map(([, from]) => `${from} = getvariable('refresh_today')`).join(', ')}`);
    },
    { marts: true },
  );
}

/** Marks every period stale: after data was written other than through the collectors'
 * apply scripts (generated or imported directly into raw_* and agg_*). */
export async function markAllStale(conn: DuckDBConnection): Promise<void> {
  await conn.run("UPDATE ops_refresh SET marts_from = DATE '1900-01-01', scores_from = DATE '1900-01-01'");
}
