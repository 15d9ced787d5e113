// The `peerGroups` section of the config: how widely development zones (功能区, dim_region.kind
// 'zone') are compared among themselves in 纵横比较法 — the zones of the same city, or of the
// whole province. Never among counties (sql/model/dim_region_peer.sql). Written to
// cfg_peer_group at every start, before the comparisons are built on it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { oneOf } from '../core/validation.js';

export const peerGroupsSchema = z
  .strictObject({
    /** city: a zone's peers are the zones of its city; province: all the zones of its province. */
    zone: oneOf(['city', 'province']).default('province'),
  })
  .prefault({});
export type PeerGroups = z.output<typeof peerGroupsSchema>;

/** What an absent `peerGroups` section means. */
export const DEFAULT_PEER_GROUPS: PeerGroups = peerGroupsSchema.parse(undefined);

/** Rewrites cfg_peer_group from the configured groups (a seed loader for migrate). */
export async function loadPeerGroups(conn: DuckDBConnection, groups: PeerGroups): Promise<void> {
  await conn.run('DELETE FROM cfg_peer_group');
  for (const [kind, within] of Object.entries(groups)) await conn.run('INSERT INTO cfg_peer_group VALUES ($kind, $within)', { kind, within });
}
