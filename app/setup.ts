// The database as every entry point uses it: the warehouse's tables, seeds and views,
// with the scoring schemes loaded as reference data and stored reports checked again.
import { recheckStoredReports } from '../ingest/recheck.js';
import { loadSchemes } from '../scoring/load-schemes.js';
import type { Database } from '../warehouse/database.js';
import { migrate } from '../warehouse/migrate.js';
import { refreshMarts } from '../warehouse/refresh.js';

/** Migrates db with the scoring schemes loaded as reference data (seeds/schemes/*.json) and
 * quarantines stored reports today's checks refuse (returns how many); the marts are left
 * empty, for a refresh to fill. */
export async function migrateDatabase(db: Database): Promise<number> {
  await migrate(db, { seeds: [(conn) => loadSchemes(conn)] });
  return recheckStoredReports(db);
}

/** migrateDatabase, then the marts filled: a failure to compute them is thrown. */
export async function setUpDatabase(db: Database): Promise<void> {
  await migrateDatabase(db);
  await refreshMarts(db);
}
