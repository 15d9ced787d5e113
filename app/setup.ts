// The database as every entry point uses it: the warehouse's tables, seeds and views,
// with the scoring schemes and the configured peer groups loaded as reference data.
import { loadSchemes } from '../scoring/load-schemes.js';
import type { Database } from '../warehouse/database.js';
import { migrate } from '../warehouse/migrate.js';
import { DEFAULT_PEER_GROUPS, loadPeerGroups, type PeerGroups } from '../warehouse/peer-groups.js';

/** Migrates db with the scoring schemes (seeds/schemes/*.json) and the peer groups of the
 * config (config.peerGroups; the defaults when not given) loaded as reference data. */
export function setUpDatabase(db: Database, peerGroups: PeerGroups = DEFAULT_PEER_GROUPS): Promise<void> {
  return migrate(db, { seeds: [(conn) => loadSchemes(conn), (conn) => loadPeerGroups(conn, peerGroups)] });
}
