// The database as every entry point uses it: the warehouse's tables, seeds and views,
// with the scoring schemes loaded as reference data.
import { loadSchemes } from '../scoring/load-schemes.js';
import type { Database } from '../warehouse/database.js';
import { migrate } from '../warehouse/migrate.js';

/** Migrates db with the scoring schemes loaded as reference data (seeds/schemes/*.json). */
export function setUpDatabase(db: Database): Promise<void> {
  return migrate(db, { seeds: [(conn) => loadSchemes(conn)] });
}
