// Every write of the evaluation tables: its transaction, then the cached reads of those tables
// read again (Database.renew): the pages' frozen results come through the read cache, and no
// page may show a round as it was before the write.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Database } from '../warehouse/database.js';

/** What the cached reads of the evaluation tables name (eval_round, eval_frozen_report, v_eval_difference, …). */
const EVALUATION_RELATIONS = 'eval_';

export async function evaluationWrite<T>(db: Database, fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
  const out = await db.transaction(fn);
  await db.renew(EVALUATION_RELATIONS);
  return out;
}
