// The database as every entry point uses it: the warehouse's tables, seeds and views,
// with the scoring schemes and the configured peer groups loaded as reference data, and
// stored reports checked again.
import { recheckStoredReports } from '../ingest/recheck.js';
import { loadSchemes } from '../scoring/load-schemes.js';
import type { Database } from '../warehouse/database.js';
import { migrate } from '../warehouse/migrate.js';
import { DEFAULT_PEER_GROUPS, loadPeerGroups, type PeerGroups } from '../warehouse/peer-groups.js';
import { refreshMarts } from '../warehouse/refresh.js';

/** Migrates db with the scoring schemes (seeds/schemes/*.json) and the peer groups of the
 * config (config.peerGroups; the defaults when not given) loaded as reference data, and
 * quarantines stored reports today's checks refuse (returns how many); the marts are left
 * empty, for a refresh to fill. */
export async function migrateDatabase(db: Database, peerGroups: PeerGroups = DEFAULT_PEER_GROUPS): Promise<number> {
  await migrate(db, { seeds: [(conn) => loadSchemes(conn), (conn) => loadPeerGroups(conn, peerGroups)] });
  return recheckStoredReports(db);
}

/** migrateDatabase, then the marts filled: a failure to compute them is thrown. */
export async function setUpDatabase(db: Database, peerGroups: PeerGroups = DEFAULT_PEER_GROUPS): Promise<void> {
  await migrateDatabase(db, peerGroups);
  await refreshMarts(db);
}
