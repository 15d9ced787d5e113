// Rebuilds the score tables (mart_score_*) from the current indicator values and manual scores.
import type { Database } from '../db/database.js';
import { readSql, runScript } from '../db/schema.js';

export const SCORE_TABLES_SQL = '59_score_tables.sql';

export async function refreshScores(db: Database): Promise<void> {
  await db.exclusive((conn) => runScript(conn, readSql(SCORE_TABLES_SQL)));
}
